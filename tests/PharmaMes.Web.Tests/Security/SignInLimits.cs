using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Identity;

namespace PharmaMes.Web.Tests.Security;

/// <summary>Nobody learns which accounts exist by signing in, and guessing is slowed per address and per user name.</summary>
public class SignInLimits
{
    private const string Refusal = "Sign-in refused: the user name or password is not correct, or the account is locked or disabled.";

    public sealed class FewAttemptsPerUser : MesWebFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Security:SignInAttemptsPerUserPerMinute"] = "3",
        };
    }

    public sealed class FewAttemptsPerAddress : MesWebFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Security:SignInAttemptsPerAddressPerMinute"] = "4",
        };
    }

    private static async Task<string> RefusalShownAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        return html.Contains(Refusal) ? Refusal : html;
    }

    [Fact]
    public async Task UnknownUsersWrongPasswordsLockedAndDisabledAccountsGetTheSameAnswer()
    {
        await using var factory = new MesWebFactory();
        var admin = new AuditActor(null, "admin", "Sign-in test");
        var users = factory.Services.GetRequiredService<UserAdministration>();
        var disabled = await users.CreateAsync(new NewUser("left-the-site", "Former Operator", MesWebFactory.Password, [MesRoles.Operator]), admin);
        await users.DisableAsync(disabled.Id, admin);
        for (var attempt = 0; attempt < 5; attempt++)
            await MesWebFactory.PostLoginAsync(factory.NewBrowser(), "maintenance", "not-the-password");

        var unknown = await MesWebFactory.PostLoginAsync(factory.NewBrowser(), "nobody-here", "not-the-password");
        var wrong = await MesWebFactory.PostLoginAsync(factory.NewBrowser(), "qa", "not-the-password");
        var locked = await MesWebFactory.PostLoginAsync(factory.NewBrowser(), "maintenance", MesWebFactory.Password);
        var gone = await MesWebFactory.PostLoginAsync(factory.NewBrowser(), "left-the-site", MesWebFactory.Password);

        Assert.Equal(Refusal, await RefusalShownAsync(unknown));
        Assert.Equal(Refusal, await RefusalShownAsync(wrong));
        Assert.Equal(Refusal, await RefusalShownAsync(locked));
        Assert.Equal(Refusal, await RefusalShownAsync(gone));
    }

    [Fact]
    public async Task AnAdministratorUnlocksALockedAccountBeforeItsTime()
    {
        await using var factory = new MesWebFactory();
        var users = factory.Services.GetRequiredService<UserAdministration>();
        for (var attempt = 0; attempt < 5; attempt++)
            await MesWebFactory.PostLoginAsync(factory.NewBrowser(), "planner", "not-the-password");
        var planner = (await users.ListAsync()).Single(u => u.UserName == "planner");
        var whileLocked = await MesWebFactory.PostLoginAsync(factory.NewBrowser(), "planner", MesWebFactory.Password);

        await users.UnlockAsync(planner.Id, new AuditActor(null, "admin", "Called the planner"));
        var unlocked = await MesWebFactory.PostLoginAsync(factory.NewBrowser(), "planner", MesWebFactory.Password);

        Assert.True(planner.IsLockedOut);
        Assert.Equal(Refusal, await RefusalShownAsync(whileLocked));
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        Assert.False((await users.ListAsync()).Single(u => u.UserName == "planner").IsLockedOut);
    }

    [Fact]
    public async Task GuessingOneUsersPasswordIsAnswered429WithRetryAfterWhileOthersSignIn()
    {
        await using var factory = new FewAttemptsPerUser();
        var answers = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 3; attempt++)
            answers.Add((await MesWebFactory.PostLoginAsync(factory.NewBrowser(), "qa", $"guess-{attempt}-guess")).StatusCode);

        var limited = await MesWebFactory.PostLoginAsync(factory.NewBrowser(), "qa", MesWebFactory.Password);
        var someoneElse = await MesWebFactory.PostLoginAsync(factory.NewBrowser(), "operator", MesWebFactory.Password);

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single()) is > 0 and <= 60);
        Assert.Contains("Too many sign-in attempts", await limited.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, someoneElse.StatusCode);
        // Refused before any password was checked: the guessed account did not come closer to its lock-out.
        var qa = (await factory.Services.GetRequiredService<UserAdministration>().ListAsync()).Single(u => u.UserName == "qa");
        Assert.False(qa.IsLockedOut);
    }

    [Fact]
    public async Task OneAddressTryingManyNamesIsAnswered429()
    {
        await using var factory = new FewAttemptsPerAddress();
        var answers = new List<HttpStatusCode>();
        foreach (var name in new[] { "alpha", "bravo", "charlie", "delta", "echo" })
            answers.Add((await MesWebFactory.PostLoginAsync(factory.NewBrowser(), name, "not-the-password")).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
    }
}
