using Bunit;
using PharmaMes.Domain.Signatures;
using PharmaMes.Infrastructure.Signatures;
using PharmaMes.Web.Components.Shared;

namespace PharmaMes.Web.Tests.Recipes;

public class SignatureDialogSigning : BunitContext
{
    private const string What = "Master batch record FG-PARA500, version 2 — Paracetamol 500 mg film-coated tablets";

    public SignatureDialogSigning() => AddAuthorization().SetAuthorized("qa");

    private IRenderedComponent<SignatureDialog> RenderDialog(Func<SignatureCredentials, string?, Task> onSign) =>
        Render<SignatureDialog>(ps => ps
            .Add(p => p.Meaning, SignatureMeaning.Approved)
            .Add(p => p.What, What)
            .Add(p => p.AskComment, true)
            .Add(p => p.OnSign, onSign));

    [Fact]
    public void ShowsWhatIsSignedItsMeaningAndTheSigningStatementWithTheSignedInUserPrefilled()
    {
        var dialog = RenderDialog((_, _) => Task.CompletedTask);

        Assert.Equal(What, dialog.Find("[data-testid=signature-what]").TextContent.Trim());
        Assert.Contains("Electronic signature: Approved", dialog.Find("#sign-title").TextContent);
        var statement = dialog.Find("[data-testid=signature-statement]").TextContent;
        Assert.Contains("By signing I confirm that I reviewed and approve the record above", statement);
        Assert.Contains("21 CFR Part 11", statement);
        Assert.Contains("Sign: Approved", dialog.Find("[data-testid=signature-sign]").TextContent);
        Assert.Equal("qa", dialog.Find("#sign-username").GetAttribute("value"));
        Assert.Equal("off", dialog.Find("#sign-username").GetAttribute("autocomplete"));
        Assert.Equal("password", dialog.Find("#sign-password").GetAttribute("type"));
    }

    [Fact]
    public void ARefusalIsShownBesideTheFieldsAndThePasswordIsClearedForTheNextAttempt()
    {
        SignatureCredentials? tried = null;
        string? comment = null;
        var dialog = RenderDialog(async (credentials, text) =>
        {
            (tried, comment) = (credentials, text);
            await Task.Yield();
            throw new SignatureRefusedException("The password is not correct. 4 more failed attempts lock your account.");
        });

        dialog.Find("#sign-password").Change("not-the-password");
        dialog.Find("#sign-comment").Change("Reviewed the compression change");
        dialog.Find("form").Submit();

        dialog.WaitForAssertion(() =>
            Assert.Equal("✖ The password is not correct. 4 more failed attempts lock your account.",
                dialog.Find("[data-testid=signature-refusal]").TextContent.Trim()));
        Assert.Equal(("qa", "not-the-password", "Reviewed the compression change"), (tried!.UserName, tried.Password, comment));
        Assert.True(string.IsNullOrEmpty(dialog.Find("#sign-password").GetAttribute("value")));
        Assert.Equal("qa", dialog.Find("#sign-username").GetAttribute("value"));
        Assert.False(dialog.Find("[data-testid=signature-sign]").HasAttribute("disabled"));
    }

    [Fact]
    public void NothingIsSignedWithoutAPassword()
    {
        var calls = 0;
        var dialog = RenderDialog((_, _) =>
        {
            calls++;
            return Task.CompletedTask;
        });

        dialog.Find("form").Submit();

        Assert.Equal(0, calls);
        Assert.Contains("Enter your password to sign.", dialog.Find(".validation-message").TextContent);
    }
}
