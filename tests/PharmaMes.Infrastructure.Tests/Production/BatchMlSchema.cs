using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace PharmaMes.Infrastructure.Tests.Production;

/// <summary>
/// The official BatchML V0700 schemas, read where they are kept (never copied into the repository):
/// the folder in PHARMAMES_B2MML_DIR, else a shared/b2mml/Schema folder above the test binaries,
/// else /work/shared/b2mml/Schema. Missing schemas fail the test: an export that was not validated
/// must not pass as valid.
/// </summary>
internal static class BatchMlSchema
{
    public const string RecordSchemaFile = "BatchML-BatchProductionRecord.xsd";

    public static string Folder => FindFolder() ?? throw new InvalidOperationException(
        $"The BatchML schemas ({RecordSchemaFile} and the files it includes) were not found"
        + (Environment.GetEnvironmentVariable("PHARMAMES_B2MML_DIR") is { Length: > 0 } set ? $" in PHARMAMES_B2MML_DIR ({set}). " : ". ")
        + "Set PHARMAMES_B2MML_DIR to their folder, or keep them in a shared/b2mml/Schema folder above the test binaries, or in /work/shared/b2mml/Schema.");

    public static string RecordSchema => Path.Combine(Folder, RecordSchemaFile);

    /// <summary>Every error and warning of validating the document against BatchML-BatchProductionRecord.xsd.</summary>
    public static IReadOnlyList<string> Validate(XDocument document)
    {
        var problems = new List<string>();
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        schemas.ValidationEventHandler += (_, e) => problems.Add($"schema {e.Severity}: {e.Message}");
        // Loaded from its file, so that its includes and imports resolve from the same folder.
        using (var reader = XmlReader.Create(RecordSchema, new XmlReaderSettings { XmlResolver = new XmlUrlResolver() }))
            schemas.Add(null, reader);
        schemas.Compile();
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

    private static string? FindFolder()
    {
        if (Environment.GetEnvironmentVariable("PHARMAMES_B2MML_DIR") is { Length: > 0 } configured)
            return HasSchema(configured) ? configured : null;
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", "b2mml", "Schema");
            if (HasSchema(candidate))
                return candidate;
        }
        const string workplace = "/work/shared/b2mml/Schema";
        return HasSchema(workplace) ? workplace : null;
    }

    private static bool HasSchema(string folder) => File.Exists(Path.Combine(folder, RecordSchemaFile));
}
