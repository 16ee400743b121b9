using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace PharmaMes.Infrastructure.Tests.Production;

/// <summary>The official BatchML V0700 batch record schema, from the repository's copy of MESA's schemas.</summary>
internal static class BatchMlSchema
{
    public const string RecordSchemaFile = "BatchML-BatchProductionRecord.xsd";

    public static string Folder => B2mmlSchemaFolder.Mesa;

    public static string RecordSchema => Path.Combine(Folder, RecordSchemaFile);

    /// <summary>Every error and warning of validating the document against BatchML-BatchProductionRecord.xsd, or another schema file.</summary>
    public static IReadOnlyList<string> Validate(XDocument document, string? schemaFile = null)
    {
        var problems = new List<string>();
        var schemas = B2mmlSchemaFolder.Compile(schemaFile ?? RecordSchema, problems);
        // Validated as the text a client receives, so that line numbers point into it.
        var text = document.Declaration + Environment.NewLine + document;
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} at line {e.Exception.LineNumber}: {e.Message}");
        using var validating = XmlReader.Create(new StringReader(text), settings);
        while (validating.Read())
        {
        }
        return problems;
    }
}
