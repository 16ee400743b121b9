using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace PharmaMes.Web.Tests;

/// <summary>The console log as the top-level settings make it: each line dated, the HTTP client's chatter off.</summary>
public class ConsoleLog(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    [Fact]
    public void EachLineStartsWithItsUtcTime()
    {
        var formatter = factory.Services.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Simple);
        var text = new StringWriter();

        formatter.Write(new LogEntry<string>(LogLevel.Information, "PharmaMes.Test", default, "Batch B-1 released", null, (s, _) => s), null, text);

        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} UTC info: PharmaMes\.Test", text.ToString());
        var written = DateTime.ParseExact(text.ToString()[..23], "yyyy-MM-dd HH:mm:ss.fff", null);
        Assert.True(Math.Abs((written - DateTime.UtcNow).TotalMinutes) < 1, $"{written} is not the UTC time");
    }

    [Fact]
    public void TheHttpClientsOwnLinesAreOnlyForWarnings()
    {
        var logger = factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger("System.Net.Http.HttpClient.erp-webhook.LogicalHandler");

        Assert.False(logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
    }
}
