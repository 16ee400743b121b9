using PharmaMes.Domain.Common;
using PharmaMes.Infrastructure;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Identity;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Web.Configuration;

namespace PharmaMes.Web.Commands;

/// <summary>
/// <c>users add-admin</c>: creates the first administrator of a new site and exits, without the
/// web server, broker, simulator or jobs. It reads the same settings as the app, so it writes to
/// the database the app will use, and migrates that database whatever Database:MigrateOnStartup says.
/// </summary>
public static class AddAdminCommand
{
    public static bool IsInvoked(string[] args) => args is ["users", "add-admin", ..];

    /// <returns>The process exit code: 0 created, 1 refused, 2 wrong arguments.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = AddAdminArguments.Parse(args[2..], out var argumentError);
        if (arguments is null)
        {
            await Console.Error.WriteLineAsync(argumentError);
            await Console.Error.WriteLineAsync(AddAdminArguments.Usage);
            return 2;
        }

        string? passwordError = null;
        var password = arguments.PasswordFromStandardInput ? PasswordPrompt.FromStandardInput() : PasswordPrompt.FromTerminal(out passwordError);
        if (password is null)
        {
            await Console.Error.WriteLineAsync(passwordError ?? "No password on standard input; nothing was created.");
            return 1;
        }

        await using var app = BuildServices();
        try
        {
            await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
            await AuditChainStartup.OpenAsync(app.Services);
            var admin = await app.Services.GetRequiredService<FirstAdministrator>()
                .CreateAsync(arguments.UserName, arguments.FullName, password, Environment.UserName);
            Console.WriteLine($"Created the administrator {admin.UserName} ({admin.FullName}) in {app.Services.GetRequiredService<DatabaseOptions>().Describe()}.");
            return 0;
        }
        catch (DomainException refused)
        {
            await Console.Error.WriteLineAsync($"Refused: {refused.Message} Nothing was created.");
            return 1;
        }
    }

    /// <summary>The app's own configuration and infrastructure, built but never started.</summary>
    private static WebApplication BuildServices()
    {
        // No command-line arguments: "--user" is the command's, not a configuration key.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.AddProductSettings(builder.Environment);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:MigrateOnStartup"] = "true",
            ["Mqtt:Enabled"] = "false",
            ["Jobs:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Migrations"] = "Warning",
        });
        // Only warnings, and on standard error: standard output carries the one result line.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        // The command uses a few services; the web's authentication and UI are not registered.
        builder.Host.UseDefaultServiceProvider(o => o.ValidateOnBuild = false);
        builder.AddInfrastructure();
        return builder.Build();
    }
}
