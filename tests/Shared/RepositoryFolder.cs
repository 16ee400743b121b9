namespace PharmaMes.Testing;

/// <summary>The clone the tests run from: the folder above the test binaries that holds PharmaMes.sln.</summary>
public static class RepositoryFolder
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "PharmaMes.sln")))
                return folder.FullName;
        throw new InvalidOperationException("PharmaMes.sln not found above the test binaries.");
    }
}
