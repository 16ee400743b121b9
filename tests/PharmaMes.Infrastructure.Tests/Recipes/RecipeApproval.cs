using Microsoft.EntityFrameworkCore;
using PharmaMes.Domain.Audit;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Recipes;
using PharmaMes.Domain.Signatures;
using PharmaMes.Infrastructure.Recipes;
using PharmaMes.Infrastructure.Signatures;
using static PharmaMes.Infrastructure.Tests.Recipes.SignedInPeople;

namespace PharmaMes.Infrastructure.Tests.Recipes;

public class RecipeApproval
{
    [Fact]
    public async Task QaApprovesADraftWithASignatureAndTheVersionItReplacesBecomesObsolete()
    {
        await using var host = await MesTestHost.StartAsync();
        var recipes = host.Get<RecipeService>();
        var v1 = await RecipeAsync(host, "FG-PARA500", 1);
        var v2 = await RecipeAsync(host, "FG-PARA500", 2);
        var qa = await AsAsync(host, "qa");

        var signed = await recipes.ApproveAsync(v2.Id, Credentials("qa"), qa, "Force raised per hardness trend");

        var approved = (await recipes.GetAsync(v2.Id))!;
        Assert.Equal(RecipeStatus.Approved, approved.Recipe.Status);
        Assert.Equal(qa.UserId, approved.Recipe.ApproverId);
        var approval = Assert.Single(approved.Signatures);
        Assert.Equal(signed.Signature.Id, approval.Signature.Id);
        Assert.Equal((SignatureMeaning.Approved, "Quinn Andersen", "Force raised per hardness trend"),
            (approval.Signature.Meaning, approval.Signature.PrintedName, approval.Signature.Comment));
        Assert.True(approval.IsValid);
        Assert.Equal(RecipeStatus.Obsolete, (await recipes.GetAsync(v1.Id))!.Recipe.Status);
        Assert.Equal("Quinn Andersen", (await RecipeAsync(host, "FG-PARA500", 2)).ApprovedBy);
        var current = await recipes.CurrentApprovedAsync("FG-PARA500");
        Assert.Equal(v2.Id, current!.Recipe.Id);

        await using var db = host.NewContext();
        var trail = await db.AuditEntries.Where(a => a.UserName == "qa").ToListAsync();
        Assert.Contains(trail, a => a.Action == AuditAction.Signed && a.EntityType == "ElectronicSignature" && a.EntityLabel == approval.Manifestation);
        Assert.Contains(trail, a => a.EntityId == v2.Id.ToString() && a.Field == "Status" && (a.OldValue, a.NewValue) == ("Draft", "Approved"));
        Assert.Contains(trail, a => a.EntityId == v1.Id.ToString() && a.Field == "Status" && (a.OldValue, a.NewValue) == ("Approved", "Obsolete"));
    }

    [Fact]
    public async Task TheAuthorOfAVersionCannotApproveItAndNothingIsSaved()
    {
        await using var host = await MesTestHost.StartAsync();
        var recipes = host.Get<RecipeService>();
        var qa = await AsAsync(host, "qa");
        // QA writes the next version of the antibody recipe, then tries to approve it.
        var draftId = await recipes.NewVersionAsync((await RecipeAsync(host, "FG-MAB10", 1)).Id, qa);

        var refused = await Assert.ThrowsAsync<DomainException>(() => recipes.ApproveAsync(draftId, Credentials("qa"), qa));

        Assert.Contains("author of a recipe cannot approve it", refused.Message);
        Assert.Equal(RecipeStatus.Draft, (await recipes.GetAsync(draftId))!.Recipe.Status);
        Assert.Equal(RecipeStatus.Approved, (await RecipeAsync(host, "FG-MAB10", 1)).Status);
        await using var db = host.NewContext();
        Assert.False(await db.Signatures.AnyAsync(s => s.SubjectId == draftId));
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedAndNothingOfTheApprovalIsSaved()
    {
        await using var host = await MesTestHost.StartAsync();
        var recipes = host.Get<RecipeService>();
        var v2 = await RecipeAsync(host, "FG-PARA500", 2);
        var qa = await AsAsync(host, "qa");

        var refused = await Assert.ThrowsAsync<SignatureRefusedException>(() =>
            recipes.ApproveAsync(v2.Id, new SignatureCredentials("qa", "not-the-password"), qa));

        Assert.Contains("password is not correct", refused.Message);
        Assert.Equal(RecipeStatus.Draft, (await RecipeAsync(host, "FG-PARA500", 2)).Status);
        Assert.Equal(RecipeStatus.Approved, (await RecipeAsync(host, "FG-PARA500", 1)).Status);
        await using var db = host.NewContext();
        Assert.False(await db.Signatures.AnyAsync(s => s.SubjectId == v2.Id));
        // The refused attempt itself stays on record.
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.SignatureFailed && a.EntityId == v2.Id.ToString()));
    }

    [Fact]
    public async Task WithdrawingAnApprovedVersionNeedsAReasonWhichTheTrailKeeps()
    {
        await using var host = await MesTestHost.StartAsync();
        var recipes = host.Get<RecipeService>();
        var mab = await RecipeAsync(host, "FG-MAB10", 1);
        var qa = await AsAsync(host, "qa");

        var noReason = await Assert.ThrowsAsync<DomainException>(() => recipes.MakeObsoleteAsync(mab.Id, " ", qa));
        await recipes.MakeObsoleteAsync(mab.Id, "Product discontinued", qa);

        Assert.Contains("reason", noReason.Message);
        Assert.Equal(RecipeStatus.Obsolete, (await RecipeAsync(host, "FG-MAB10", 1)).Status);
        Assert.Null(await recipes.CurrentApprovedAsync("FG-MAB10"));
        await using var db = host.NewContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.EntityId == mab.Id.ToString() && a.Field == "Status");
        Assert.Equal(("Obsolete", "Product discontinued", "qa"), (entry.NewValue, entry.Reason, entry.UserName));
    }
}
