using PharmaMes.Domain.Common;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Quality;

namespace PharmaMes.Domain.Tests.Common;

public class FreeTextInRecords
{
    private static readonly Person Qa = new(Guid.CreateVersion7(), "Quinn QA");
    private static readonly DateTimeOffset At = new(2026, 12, 5, 8, 0, 0, TimeSpan.Zero);

    private static QualityException Raise(string title, string description) =>
        QualityException.Raise(new QualityExceptionNumber("QE-2026-0101"), QualityExceptionSeverity.Minor, title, description, Qa, At);

    [Theory]
    [InlineData("\u0000", "U+0000")]
    [InlineData("\u0007", "U+0007")]
    [InlineData("\u001b", "U+001B")]
    [InlineData("\u007f", "U+007F")]
    [InlineData("\u0085", "U+0085")]
    [InlineData("\u202a", "U+202A")]
    [InlineData("\u202e", "U+202E")]
    [InlineData("\u2066", "U+2066")]
    [InlineData("\u2069", "U+2069")]
    public void ARecordRefusesControlAndTextDirectionCharactersNamingTheFieldAndTheCharacter(string character, string named)
    {
        var refused = Assert.Throws<DomainException>(() => Raise("Tablet weight", $"Press stopped {character}at 08:00"));

        Assert.StartsWith("A quality exception description contains", refused.Message);
        Assert.Contains(named, refused.Message);
    }

    [Fact]
    public void NamesAndReasonsAreRefusedByTheSameRule()
    {
        Assert.Contains("A person's name contains", Assert.Throws<DomainException>(() => new Person(Guid.CreateVersion7(), "Mallory\u202Egnp.exe")).Message);
        Assert.Contains("A quality exception title contains", Assert.Throws<DomainException>(() => Raise("Weight\u0000", "Low")).Message);
        var exception = Raise("Tablet weight", "Low");
        Assert.Contains("contains a control character (U+0008)",
            Assert.Throws<DomainException>(() => exception.Close("Root cause\b: none", Qa, At.AddHours(1))).Message);
    }

    [Fact]
    public void TabsAndLineBreaksOfMultiLineTextAndAnyLanguageAreKept()
    {
        const string description = "Weights low on station 3:\r\n\t- 498 mg\n\t- 497 mg\nDépôt à 5 °C, Größe ≤ 10 µm, 重量";

        Assert.Equal(description, Raise("Tablet weight", description).Description);
        Assert.Null(FreeText.Problem(description));
    }
}
