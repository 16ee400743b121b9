using System.Diagnostics;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>
/// Runs <c>dotnet PharmaMes.Web.dll users add-admin ...</c> from the web project's build output as
/// its own process, in Production, on a given SQLite file, with the password piped on standard input.
/// </summary>
public static class AddAdminProcess
{
    public sealed record Run(int ExitCode, string Output, string Error);

    public static async Task<Run> RunAsync(string database, string standardInput, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(database)!,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(BuiltWebApp.Dll);
        foreach (var argument in (string[])["users", "add-admin", .. arguments])
            start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment["ConnectionStrings__Mes"] = $"Data Source={database}";
        // The audit chain key and checkpoints beside the test's database, as the site's app will find them.
        var folder = Path.GetDirectoryName(database)!;
        start.Environment["Audit__ChainKeyFile"] = Path.Combine(folder, "audit-chain.key");
        start.Environment["Audit__KeyRingFolder"] = Path.Combine(folder, "audit-key-ring");
        start.Environment["Audit__CheckpointFile"] = Path.Combine(folder, "audit-checkpoints.log");

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(standardInput);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Run(process.ExitCode, await output, await error);
    }
}
