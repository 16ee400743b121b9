using PharmaMes.Domain.Common;
using PharmaMes.Domain.Recipes;
using static PharmaMes.Domain.Recipes.RecipeStatus;

namespace PharmaMes.Domain.Tests.Recipes;

public class RecipeStatusChanges
{
    private const string Recipe = "Version 2 of PARA-500";

    /// <summary>Every (from, to) pair of recipe statuses, written out by hand: 3 × 3 = 9 rows.</summary>
    public static TheoryData<RecipeStatus, RecipeStatus, bool> Table => new()
    {
        { Draft, Draft, false },
        { Draft, Approved, true },
        { Draft, Obsolete, false },

        { Approved, Draft, false },
        { Approved, Approved, false },
        { Approved, Obsolete, true },

        { Obsolete, Draft, false },
        { Obsolete, Approved, false },
        { Obsolete, Obsolete, false },
    };

    [Fact]
    public void TheTableCoversEveryPairOfStatusesOnce()
    {
        var statuses = Enum.GetValues<RecipeStatus>();
        var pairs = Table.Select(row => ((RecipeStatus)row[0], (RecipeStatus)row[1])).ToList();

        Assert.Equal(9, pairs.Count);
        Assert.Equal(statuses.Length * statuses.Length, pairs.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void AllowsExactlyTheChangesInTheTable(RecipeStatus from, RecipeStatus to, bool legal)
    {
        Assert.Equal(legal, RecipeStatusMachine.CanChange(from, to));
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void EnsureCanChangeRefusesExactlyTheIllegalChanges(RecipeStatus from, RecipeStatus to, bool legal)
    {
        var ex = Record.Exception(() => RecipeStatusMachine.EnsureCanChange(from, to, Recipe));

        if (legal)
            Assert.Null(ex);
        else
            Assert.IsType<DomainException>(ex);
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void NextStatusesAreTheLegalTargetsOfTheTable(RecipeStatus from, RecipeStatus to, bool legal)
    {
        Assert.Equal(legal, RecipeStatusMachine.NextStatuses(from).Contains(to));
    }

    [Theory]
    [InlineData(Draft)]
    [InlineData(Approved)]
    [InlineData(Obsolete)]
    public void RefusesAChangeToTheSameStatusSayingItIsAlreadyThere(RecipeStatus status)
    {
        var ex = Assert.Throws<DomainException>(() => RecipeStatusMachine.EnsureCanChange(status, status, Recipe));

        Assert.Equal($"Version 2 of PARA-500 is already {status}.", ex.Message);
    }

    [Theory]
    [InlineData(Draft, Obsolete, "Version 2 of PARA-500 cannot go from Draft to Obsolete. From Draft it can go to: Approved.")]
    [InlineData(Approved, Draft, "Version 2 of PARA-500 cannot go from Approved to Draft. From Approved it can go to: Obsolete.")]
    [InlineData(Obsolete, Draft, "Version 2 of PARA-500 is Obsolete: its status can no longer change.")]
    [InlineData(Obsolete, Approved, "Version 2 of PARA-500 is Obsolete: its status can no longer change.")]
    public void ExplainsAnIllegalChange(RecipeStatus from, RecipeStatus to, string expected)
    {
        var ex = Assert.Throws<DomainException>(() => RecipeStatusMachine.EnsureCanChange(from, to, Recipe));

        Assert.Equal(expected, ex.Message);
    }
}
