using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Domain.Audit;
using PharmaMes.Domain.Signatures;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Identity;
using PharmaMes.Infrastructure.Signatures;

namespace PharmaMes.Infrastructure.Tests.Signatures;

public class ElectronicSigningRules
{
    private static readonly Guid Subject = Guid.CreateVersion7();

    private static SignatureRequest Request(string content = "v1") =>
        new(SignatureMeaning.Approved, "MasterRecipe", Subject, new SignedContent().Add("content", content), "Approved for production");

    private static async Task<AuditActor> SignedInAsync(MesTestHost host, string userName)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<MesUser>>().FindByNameAsync(userName))!;
        return new AuditActor(user.Id, user.UserName!);
    }

    [Fact]
    public async Task ASignatureCarriesThePrintedNameMeaningTimeAndContentHashAndIsAudited()
    {
        await using var host = await MesTestHost.StartAsync();
        var qa = await SignedInAsync(host, "qa");
        await using (var db = host.NewContext(qa))
        {
            await host.Get<ElectronicSigning>().SignAsync(db, qa, new SignatureCredentials("QA", MesTestHost.DemoPassword), Request());
            await db.SaveChangesAsync();
        }

        await using var read = host.NewContext();
        var signature = await read.Signatures.SingleAsync(s => s.SubjectId == Subject);
        Assert.Equal(("Quinn Andersen", SignatureMeaning.Approved, qa.UserId), (signature.PrintedName, signature.Meaning, signature.SignerId));
        Assert.StartsWith("Quinn Andersen — Approved — ", signature.Manifestation);
        Assert.EndsWith(" UTC", signature.Manifestation);
        Assert.True(signature.IsValidFor(new SignedContent().Add("content", "v1")));
        Assert.False(signature.IsValidFor(new SignedContent().Add("content", "v2")));
        var audited = await read.AuditEntries.SingleAsync(a => a.Action == AuditAction.Signed && a.EntityId == signature.Id.ToString());
        Assert.Equal(("qa", signature.Manifestation), (audited.UserName, audited.EntityLabel));
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedCountedTowardLockOutAndAudited()
    {
        await using var host = await MesTestHost.StartAsync();
        var qa = await SignedInAsync(host, "qa");
        var signing = host.Get<ElectronicSigning>();

        var messages = new List<string>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await using var db = host.NewContext();
            var refused = await Assert.ThrowsAsync<SignatureRefusedException>(() => signing.SignAsync(db, qa, new SignatureCredentials("qa", "not-the-password"), Request()));
            messages.Add(refused.Message);
        }
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MesUser>>();
        var locked = await users.IsLockedOutAsync((await users.FindByNameAsync("qa"))!);
        await using var afterLock = host.NewContext();
        var stillRefused = await Assert.ThrowsAsync<SignatureRefusedException>(() => signing.SignAsync(afterLock, qa, new SignatureCredentials("qa", MesTestHost.DemoPassword), Request()));

        Assert.Contains("4 more failed attempts", messages[0]);
        Assert.Contains("now locked", messages[4]);
        Assert.True(locked);
        Assert.Contains("locked", stillRefused.Message);
        await using var read = host.NewContext();
        var failures = await read.AuditEntries.Where(a => a.Action == AuditAction.SignatureFailed).ToListAsync();
        Assert.Equal(6, failures.Count);
        Assert.All(failures, f => Assert.Equal(("qa", "MasterRecipe", Subject.ToString()), (f.UserName, f.EntityType, f.EntityId)));
        Assert.Empty(await read.Signatures.Where(s => s.SubjectId == Subject).ToListAsync());
        Assert.Contains(await read.AuditEntries.Where(a => a.EntityType == "User" && a.Field == "LockoutEnd").ToListAsync(), a => a.EntityLabel == "qa");
    }

    [Fact]
    public async Task SigningWithAnotherPersonsUserNameIsRefusedEvenWithTheirPassword()
    {
        await using var host = await MesTestHost.StartAsync();
        var operatorUser = await SignedInAsync(host, "operator");
        await using var db = host.NewContext();

        var refused = await Assert.ThrowsAsync<SignatureRefusedException>(() =>
            host.Get<ElectronicSigning>().SignAsync(db, operatorUser, new SignatureCredentials("qa", MesTestHost.DemoPassword), Request()));

        Assert.Contains("own user name (operator)", refused.Message);
        await using var read = host.NewContext();
        Assert.Single(await read.AuditEntries.Where(a => a.Action == AuditAction.SignatureFailed && a.UserName == "operator").ToListAsync());
    }

    [Fact]
    public async Task ASignatureIsSavedOnlyWithTheActionItSigns()
    {
        await using var host = await MesTestHost.StartAsync();
        var qa = await SignedInAsync(host, "qa");
        await using (var db = host.NewContext(qa))
        {
            await host.Get<ElectronicSigning>().SignAsync(db, qa, new SignatureCredentials("qa", MesTestHost.DemoPassword), Request());
            // The caller's action fails and nothing is saved: no signature without its record.
        }

        await using var read = host.NewContext();
        Assert.Empty(await read.Signatures.Where(s => s.SubjectId == Subject).ToListAsync());
    }
}
