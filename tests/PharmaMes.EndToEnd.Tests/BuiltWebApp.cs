namespace PharmaMes.EndToEnd.Tests;

/// <summary>The web project's own build output, of the same configuration as these tests, to run as its own process.</summary>
public static class BuiltWebApp
{
    public static string Dll
    {
        get
        {
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var root = testBin;
            while (!File.Exists(Path.Combine(root.FullName, "PharmaMes.sln")))
                root = root.Parent ?? throw new InvalidOperationException("PharmaMes.sln not found above the test binaries.");
            return Path.Combine(root.FullName, "src", "PharmaMes.Web", "bin", testBin.Parent!.Name, testBin.Name, "PharmaMes.Web.dll");
        }
    }
}
