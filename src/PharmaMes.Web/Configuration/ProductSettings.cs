using Microsoft.Extensions.Configuration.Json;

namespace PharmaMes.Web.Configuration;

/// <summary>
/// The product's settings live in one top-level appsettings.json that the build and publish copy
/// beside the app. The app reads them from there wherever it is started from, with the usual
/// precedence: appsettings.json, appsettings.{Environment}.json, then environment variables and
/// the command line override.
/// </summary>
public static class ProductSettings
{
    public static void AddProductSettings(this ConfigurationManager configuration, IWebHostEnvironment environment)
    {
        var appFolder = AppContext.BaseDirectory;
        if (Path.GetFullPath(environment.ContentRootPath).TrimEnd('/') == Path.GetFullPath(appFolder).TrimEnd('/'))
            return; // Started from the app folder: the host already reads these files.

        var sources = (IList<IConfigurationSource>)configuration.Sources;
        var firstJson = sources.ToList().FindIndex(s => s is JsonConfigurationSource);
        var at = firstJson < 0 ? sources.Count : firstJson;
        var files = new[] { "appsettings.json", $"appsettings.{environment.EnvironmentName}.json" };
        foreach (var file in files.Reverse())
        {
            var source = new JsonConfigurationSource { Path = file, Optional = file != "appsettings.json", ReloadOnChange = false };
            source.FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(appFolder);
            sources.Insert(at, source);
        }
    }
}
