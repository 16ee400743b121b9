using System.Xml;
using System.Xml.Schema;

namespace PharmaMes.Infrastructure.Tests;

/// <summary>
/// MESA's B2MML / BatchML V0700 schemas as the repository carries them in schemas/b2mml
/// (found above the test binaries, beside PharmaMes.sln): the project's entry point
/// PharmaMes-B2MML.xsd and MESA's unchanged Schema/ folder. PHARMAMES_B2MML_DIR names another
/// folder laid out the same way, to validate against another copy. Missing schemas fail the test:
/// an export that was not validated must not pass as valid.
/// </summary>
internal static class B2mmlSchemaFolder
{
    public const string OverrideVariable = "PHARMAMES_B2MML_DIR";
    public const string EntryPointFile = "PharmaMes-B2MML.xsd";

    public static string Root => Find() ?? throw new InvalidOperationException(
        $"The B2MML schemas ({EntryPointFile} beside MESA's Schema folder) were not found"
        + (Environment.GetEnvironmentVariable(OverrideVariable) is { Length: > 0 } set ? $" in {OverrideVariable} ({set})." : " in schemas/b2mml beside PharmaMes.sln.")
        + $" Unset {OverrideVariable} to use the repository's copy, or point it to a folder laid out like schemas/b2mml.");

    /// <summary>MESA's own schema files.</summary>
    public static string Mesa => Path.Combine(Root, "Schema");

    public static string EntryPoint => Path.Combine(Root, EntryPointFile);

    /// <summary>Compiles a schema from its file, so that its includes and imports resolve from its folder.</summary>
    public static XmlSchemaSet Compile(string file, List<string>? problems = null)
    {
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        if (problems is not null)
            schemas.ValidationEventHandler += (_, e) => problems.Add($"schema {e.Severity}: {e.Message}");
        using (var reader = XmlReader.Create(file, new XmlReaderSettings { XmlResolver = new XmlUrlResolver() }))
            schemas.Add(null, reader);
        schemas.Compile();
        return schemas;
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable(OverrideVariable) is { Length: > 0 } configured)
            return IsSchemaFolder(configured) ? configured : null;
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PharmaMes.sln")))
            {
                var vendored = Path.Combine(folder.FullName, "schemas", "b2mml");
                return IsSchemaFolder(vendored) ? vendored : null;
            }
        }
        return null;
    }

    private static bool IsSchemaFolder(string folder) =>
        File.Exists(Path.Combine(folder, EntryPointFile)) && File.Exists(Path.Combine(folder, "Schema", Production.BatchMlSchema.RecordSchemaFile));
}
