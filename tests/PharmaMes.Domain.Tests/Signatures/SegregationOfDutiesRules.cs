using PharmaMes.Domain.Common;
using PharmaMes.Domain.Signatures;

namespace PharmaMes.Domain.Tests.Signatures;

public class SegregationOfDutiesRules
{
    private static readonly Guid Anna = new("0190c000-0000-7000-8000-000000000001");
    private static readonly Guid Ben = new("0190c000-0000-7000-8000-000000000002");
    private static readonly Guid Carla = new("0190c000-0000-7000-8000-000000000003");

    [Fact]
    public void TheAuthorOfARecipeCannotApproveIt()
    {
        var ex = Assert.Throws<DomainException>(() => SegregationOfDuties.EnsureApproverIsNotAuthor(Anna, Anna));

        Assert.Equal("The author of a recipe cannot approve it.", ex.Message);
    }

    [Fact]
    public void AnotherPersonMayApproveARecipe()
    {
        Assert.Null(Record.Exception(() => SegregationOfDuties.EnsureApproverIsNotAuthor(Anna, Ben)));
    }

    [Fact]
    public void ThePerformerOfAStepCannotVerifyIt()
    {
        var ex = Assert.Throws<DomainException>(() => SegregationOfDuties.EnsureVerifierIsNotPerformer(Anna, Anna));

        Assert.Equal("The person who performed a step cannot verify it: a second person must.", ex.Message);
    }

    [Fact]
    public void AnotherPersonMayVerifyAStep()
    {
        Assert.Null(Record.Exception(() => SegregationOfDuties.EnsureVerifierIsNotPerformer(Anna, Ben)));
    }

    [Fact]
    public void AReleaserWhoExecutedAStepIsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => SegregationOfDuties.EnsureReleaserDidNotExecute([Anna, Ben], Ben));

        Assert.Equal("The QA who releases a batch must not have performed or verified any of its steps.", ex.Message);
    }

    [Fact]
    public void AReleaserWhoExecutedNothingIsAccepted()
    {
        Assert.Null(Record.Exception(() => SegregationOfDuties.EnsureReleaserDidNotExecute([Anna, Ben], Carla)));
        Assert.Null(Record.Exception(() => SegregationOfDuties.EnsureReleaserDidNotExecute([], Carla)));
    }
}
