using PharmaMes.Domain.Common;
using PharmaMes.Domain.Production;

namespace PharmaMes.Domain.Tests.Production;

public class ProductionCodes
{
    [Theory]
    [InlineData("po-2026-0001", "PO-2026-0001")]
    [InlineData(" PO/2026/1 ", "PO/2026/1")]
    [InlineData("4500012345", "4500012345")]
    public void AnOrderNumberIsStoredTrimmedAndUpperCase(string text, string expected)
    {
        Assert.Equal(expected, new OrderNumber(text).Value);
    }

    [Theory]
    [InlineData("b-2026-0042", "B-2026-0042")]
    [InlineData("B_2026.42", "B_2026.42")]
    public void ABatchNumberIsStoredTrimmedAndUpperCase(string text, string expected)
    {
        Assert.Equal(expected, new BatchNumber(text).Value);
        Assert.Equal(expected, new BatchNumber(text).ToString());
    }

    [Theory]
    [InlineData("B 2026")]
    [InlineData("-B2026")]
    [InlineData("B#1")]
    public void RefusesABatchNumberWithOtherCharacters(string text)
    {
        var ex = Assert.Throws<DomainException>(() => new BatchNumber(text));

        Assert.Equal($"The batch number '{text.ToUpperInvariant()}' may hold only letters, digits, '-', '_', '.' and '/', and must start with a letter or digit.", ex.Message);
    }

    [Fact]
    public void RefusesAnOrderNumberWithSpaces()
    {
        var ex = Assert.Throws<DomainException>(() => new OrderNumber("PO 1"));

        Assert.Equal("The order number 'PO 1' may hold only letters, digits, '-', '_', '.' and '/', and must start with a letter or digit.", ex.Message);
    }

    [Fact]
    public void RefusesNumbersOverThirtyCharacters()
    {
        Assert.Equal("A batch number must be at most 30 characters (got 31).",
            Assert.Throws<DomainException>(() => new BatchNumber(new string('B', 31))).Message);
        Assert.Equal("An order number must be at most 30 characters (got 31).",
            Assert.Throws<DomainException>(() => new OrderNumber(new string('P', 31))).Message);
        Assert.Equal(30, new BatchNumber(new string('B', 30)).Value.Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void RefusesEmptyNumbers(string? text)
    {
        Assert.Equal("A batch number is required.", Assert.Throws<DomainException>(() => new BatchNumber(text!)).Message);
        Assert.Equal("An order number is required.", Assert.Throws<DomainException>(() => new OrderNumber(text!)).Message);
    }

    [Fact]
    public void APersonHasAnIdAndATrimmedName()
    {
        var id = new Guid("0190b000-0000-7000-8000-000000000002");

        var person = new Person(id, " Olga Operator ");

        Assert.Equal(id, person.Id);
        Assert.Equal("Olga Operator", person.Name);
        Assert.Equal("Olga Operator", person.ToString());
    }

    [Fact]
    public void RefusesAPersonWithoutAnIdOrName()
    {
        Assert.Equal("A person needs a user id.",
            Assert.Throws<DomainException>(() => new Person(Guid.Empty, "Olga")).Message);
        Assert.Equal("A person's name is required.",
            Assert.Throws<DomainException>(() => new Person(Guid.CreateVersion7(), " ")).Message);
    }
}
