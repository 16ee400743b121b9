using PharmaMes.Domain.Common;
using PharmaMes.Domain.Recipes;
using static PharmaMes.Domain.Tests.Recipes.TestRecipes;

namespace PharmaMes.Domain.Tests.Recipes;

public class MasterRecipeVersions
{
    private static readonly Guid NewAuthorId = new("0190a000-0000-7000-8000-000000000003");
    private static readonly DateTimeOffset NewVersionAt = new(2027, 1, 10, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ANewVersionIsADraftWithTheNextNumberByItsOwnAuthor()
    {
        var approved = Approved();

        var next = approved.NewVersion(NewAuthorId, "Nina Newauthor", NewVersionAt);

        Assert.Equal(2, next.Version);
        Assert.Equal(RecipeStatus.Draft, next.Status);
        Assert.Equal(NewAuthorId, next.AuthorId);
        Assert.Equal("Nina Newauthor", next.AuthorName);
        Assert.Equal(NewVersionAt, next.CreatedAt);
        Assert.Null(next.ApprovedAt);
        Assert.Null(next.ApproverId);
        Assert.Null(next.ObsoletedAt);
        Assert.NotEqual(approved.Id, next.Id);
        Assert.Equal(RecipeStatus.Approved, approved.Status);
    }

    [Fact]
    public void ANewVersionCopiesEverythingThatDefinesTheRecipe()
    {
        var approved = Approved();

        var next = approved.NewVersion(NewAuthorId, "Nina Newauthor", NewVersionAt);

        // The signed content holds every defining field; only the version differs.
        var expected = approved.Content().Text.Replace("7:Version=1:1\n", "7:Version=1:2\n", StringComparison.Ordinal);
        Assert.Equal(expected, next.Content().Text);
        Assert.NotEqual(approved.Content().Text, next.Content().Text);
    }

    [Fact]
    public void ANewVersionHasNewIdsEverywhereAndPointsToItself()
    {
        var approved = Approved();

        var next = approved.NewVersion(NewAuthorId, "Nina Newauthor", NewVersionAt);

        var oldIds = approved.Steps.Select(s => s.Id)
            .Concat(approved.Steps.SelectMany(s => s.Parameters).Select(p => p.Id))
            .Concat(approved.Steps.SelectMany(s => s.Checks).Select(c => c.Id))
            .Concat(approved.BillOfMaterials.Select(l => l.Id))
            .ToHashSet();
        var newIds = next.Steps.Select(s => s.Id)
            .Concat(next.Steps.SelectMany(s => s.Parameters).Select(p => p.Id))
            .Concat(next.Steps.SelectMany(s => s.Checks).Select(c => c.Id))
            .Concat(next.BillOfMaterials.Select(l => l.Id))
            .ToList();
        Assert.Equal(oldIds.Count, newIds.Count);
        Assert.DoesNotContain(newIds, oldIds.Contains);
        Assert.All(next.Steps, s => Assert.Equal(next.Id, s.RecipeId));
        Assert.All(next.BillOfMaterials, l => Assert.Equal(next.Id, l.RecipeId));
        Assert.All(next.Steps, s => Assert.All(s.Parameters, p => Assert.Equal(s.Id, p.RecipeStepId)));
        Assert.All(next.Steps, s => Assert.All(s.Checks, c => Assert.Equal(s.Id, c.RecipeStepId)));
    }

    [Fact]
    public void ChangingTheNewVersionLeavesTheApprovedOneAsItWas()
    {
        var approved = Approved();
        var before = approved.Content().Text;
        var next = approved.NewVersion(NewAuthorId, "Nina Newauthor", NewVersionAt);

        next.UpdateParameter(3, "Main compression force", KiloNewton, 14, new ValueRange(10, 16));
        next.UpdateMaterial(Paracetamol, KgOf(55), 1, 1, 1);
        next.RemoveCheck(2, "Granule moisture");
        next.UpdateStep(2, "Granulation", "New", null, true);

        Assert.Equal(before, approved.Content().Text);
        Assert.Equal(12, approved.Steps[2].Parameters[0].Target);
        Assert.Equal(KgOf(50), approved.FindMaterial(Paracetamol)!.Quantity);
    }

    [Fact]
    public void AnObsoleteVersionCanBeTheBasisOfANewVersion()
    {
        var next = Obsolete().NewVersion(NewAuthorId, "Nina Newauthor", NewVersionAt);

        Assert.Equal(2, next.Version);
        Assert.Equal(3, next.Steps.Count);
    }

    [Fact]
    public void ADraftIsChangedRatherThanCopied()
    {
        var ex = Assert.Throws<DomainException>(() => Draft().NewVersion(NewAuthorId, "Nina Newauthor", NewVersionAt));

        Assert.Equal("Version 1 of PARA-500 is still a Draft: change it rather than making a new version of it.", ex.Message);
    }

    [Fact]
    public void TheAuthorOfTheNewVersionCannotApproveIt()
    {
        var next = Approved().NewVersion(NewAuthorId, "Nina Newauthor", NewVersionAt);

        var ex = Assert.Throws<DomainException>(() => next.Approve(NewAuthorId, NewVersionAt.AddDays(1)));

        Assert.Equal("The author of a recipe cannot approve it.", ex.Message);
        // The author of version 1 may approve version 2, which they did not write.
        next.Approve(AuthorId, NewVersionAt.AddDays(1));
        Assert.Equal(RecipeStatus.Approved, next.Status);
    }
}
