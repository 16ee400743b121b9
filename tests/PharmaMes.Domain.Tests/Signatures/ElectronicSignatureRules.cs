using PharmaMes.Domain.Common;
using PharmaMes.Domain.Signatures;

namespace PharmaMes.Domain.Tests.Signatures;

public class ElectronicSignatureRules
{
    private static readonly Guid Signer = new("0190d000-0000-7000-8000-000000000001");
    private static readonly Guid Subject = new("0190d000-0000-7000-8000-000000000002");
    private static readonly DateTimeOffset SignedAt = new(2026, 12, 1, 9, 30, 15, TimeSpan.FromHours(1));

    private static SignedContent Content(string value = "B-2026-0042") => new SignedContent().Add("Batch", value);

    private static ElectronicSignature Sign(SignedContent content, string? comment = null) =>
        new(Signer, " quinn ", " Quinn QA ", SignatureMeaning.Released, SignedAt, "Batch", Subject, content, comment);

    [Fact]
    public void HoldsWhoWhenWhatAndTheHashOfTheContent()
    {
        var content = Content();

        var signature = Sign(content, " Reviewed with deviation QE-2026-0007 ");

        Assert.NotEqual(Guid.Empty, signature.Id);
        Assert.Equal(Signer, signature.SignerId);
        Assert.Equal("quinn", signature.SignerUserName);
        Assert.Equal("Quinn QA", signature.PrintedName);
        Assert.Equal(SignatureMeaning.Released, signature.Meaning);
        Assert.Equal(TimeSpan.Zero, signature.SignedAt.Offset);
        Assert.Equal(SignedAt, signature.SignedAt);
        Assert.Equal("Batch", signature.SubjectType);
        Assert.Equal(Subject, signature.SubjectId);
        Assert.Equal(content.Hash(), signature.ContentHash);
        Assert.Equal("Reviewed with deviation QE-2026-0007", signature.Comment);
    }

    [Fact]
    public void ShowsTheManifestationInUtc()
    {
        Assert.Equal("Quinn QA — Released — 2026-12-01 08:30:15 UTC", Sign(Content()).Manifestation);
    }

    [Fact]
    public void IsValidOnlyForTheContentItSigned()
    {
        var signature = Sign(Content());

        Assert.True(signature.IsValidFor(Content()));
        Assert.False(signature.IsValidFor(Content("B-2026-0043")));
        Assert.False(signature.IsValidFor(Content().Add("Comment", "added later")));
    }

    [Fact]
    public void RefusesASignatureWithoutAPrintedName()
    {
        var ex = Assert.Throws<DomainException>(() =>
            new ElectronicSignature(Signer, "quinn", " ", SignatureMeaning.Released, SignedAt, "Batch", Subject, Content()));

        Assert.Equal("The signer's printed name is required.", ex.Message);
    }

    [Fact]
    public void RefusesASignatureWithoutASubjectType()
    {
        var ex = Assert.Throws<DomainException>(() =>
            new ElectronicSignature(Signer, "quinn", "Quinn QA", SignatureMeaning.Released, SignedAt, "", Subject, Content()));

        Assert.Equal("The signed record's type is required.", ex.Message);
    }
}
