using System.Xml;

namespace PharmaMes.Infrastructure.Tests;

public class PharmaMesB2mmlSchema
{
    private static readonly string B2mml = "http://www.mesa.org/xml/B2MML";

    [Theory]
    [InlineData("SyncOperationsPerformance")]
    [InlineData("SyncMaterialLot")]
    [InlineData("SyncEquipment")]
    [InlineData("Equipment")]
    [InlineData("EquipmentInformation")]
    [InlineData("SyncEquipmentInformation")]
    [InlineData("OperationsSchedule")]
    [InlineData("BatchProductionRecord")]
    public void TheEntryPointDeclaresEveryDocumentTheMesExchanges(string element)
    {
        var schemas = B2mmlSchemaFolder.Compile(B2mmlSchemaFolder.EntryPoint);

        Assert.True(schemas.GlobalElements.Contains(new XmlQualifiedName(element, B2mml)), $"{element} is not declared");
    }

    [Fact]
    public void TheSchemasComeFromTheRepositoryUnlessOverridden()
    {
        var root = B2mmlSchemaFolder.Root;

        if (Environment.GetEnvironmentVariable(B2mmlSchemaFolder.OverrideVariable) is not { Length: > 0 })
            Assert.EndsWith(Path.Combine("schemas", "b2mml"), root);
        Assert.True(File.Exists(Path.Combine(root, "LICENSE")), "MESA's license must travel with its schemas");
    }
}
