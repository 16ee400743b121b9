using Microsoft.Playwright;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>Saves what a person saw into TestResults/screenshots at the top of the repository, to look at.</summary>
public static class Screenshots
{
    public static string Folder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PharmaMes.sln")))
                dir = dir.Parent;
            var folder = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "TestResults", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public static async Task<string> SaveAsync(IPage page, string name, bool fullPage = false)
    {
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        return path;
    }
}
