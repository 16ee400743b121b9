using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace PharmaMes.Infrastructure.Plant.Model;

/// <summary>
/// The MESA B2MML V0700 schemas, to check an uploaded plant model before reading it: from the folder
/// in <c>B2mml:SchemaFolder</c> or PHARMAMES_B2MML_DIR, else the project's vendored <c>schemas/b2mml/Schema</c>
/// folder above the application (a clone carries it).
/// </summary>
public sealed class B2mmlSchema(string? configuredFolder)
{
    public const string EquipmentSchemaFile = "B2MML-Equipment.xsd";
    private readonly Lazy<XmlSchemaSet?> _schemas = new(() => Load(configuredFolder));

    public bool Available => _schemas.Value is not null;

    /// <summary>Every schema error, named "line N, position M"; empty when the document is valid.</summary>
    public IReadOnlyDictionary<string, string[]> Validate(string xml)
    {
        var schemas = _schemas.Value ?? throw new InvalidOperationException(
            $"The B2MML schemas ({EquipmentSchemaFile} and the files it includes) were not found: set B2mml:SchemaFolder to their folder.");
        var errors = new Dictionary<string, string[]>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        settings.ValidationEventHandler += (_, e) =>
        {
            if (e.Severity == XmlSeverityType.Error)
                Add(errors, $"line {e.Exception.LineNumber}, position {e.Exception.LinePosition}", e.Message);
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            while (reader.Read())
            {
            }
        }
        catch (XmlException ex)
        {
            Add(errors, $"line {ex.LineNumber}, position {ex.LinePosition}", ex.Message);
        }
        return errors;
    }

    public static string? FindFolder(string? configured)
    {
        foreach (var folder in new[] { configured, Environment.GetEnvironmentVariable("PHARMAMES_B2MML_DIR") })
            if (!string.IsNullOrWhiteSpace(folder))
                return HasSchema(folder) ? folder : null;
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (Path.Combine(folder.FullName, "schemas", "b2mml", "Schema") is var candidate && HasSchema(candidate))
                return candidate;
        return null;
    }

    private static bool HasSchema(string folder) => File.Exists(Path.Combine(folder, EquipmentSchemaFile));

    private static XmlSchemaSet? Load(string? configured)
    {
        if (FindFolder(configured) is not { } folder)
            return null;
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        // Loaded from its file, so that its includes and imports resolve from the same folder.
        using (var reader = XmlReader.Create(Path.Combine(folder, EquipmentSchemaFile), new XmlReaderSettings { XmlResolver = new XmlUrlResolver() }))
            schemas.Add(null, reader);
        schemas.Compile();
        return schemas;
    }

    private static void Add(Dictionary<string, string[]> errors, string key, string message) =>
        errors[key] = errors.TryGetValue(key, out var known) ? [.. known, message] : [message];

    /// <summary>Parses text already validated; kept here so the reader and the check see the same bytes.</summary>
    public static XDocument Parse(string xml) => XDocument.Parse(xml, LoadOptions.SetLineInfo);
}
