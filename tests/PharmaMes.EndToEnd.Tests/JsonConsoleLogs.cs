using System.Text.Json;
using System.Text.RegularExpressions;

namespace PharmaMes.EndToEnd.Tests;

/// <summary>
/// With Logging:Console:FormatterName=json and IncludeScopes, the built app writes one JSON object per
/// line on standard output, and what it logs within a request carries the request's trace id, as a log
/// collector needs to join logs to traces.
/// </summary>
public class JsonConsoleLogs
{
    [Fact]
    public async Task EveryLineIsJsonAndARequestLineCarriesItsTraceId()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pharmames-e2e", Guid.NewGuid().ToString("N"));
        try
        {
            await using var mes = await MesProcess.StartAsync(folder, FreePort.Next(), new Dictionary<string, string>
            {
                ["Logging__Console__FormatterName"] = "json",
                ["Logging__Console__FormatterOptions__IncludeScopes"] = "true",
                // The request lines of ASP.NET Core, off by default (Microsoft.AspNetCore is at Warning).
                ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
            });
            using var http = new HttpClient();
            const string path = "/health/live";

            (await http.GetAsync($"http://127.0.0.1:{mes.HttpPort}{path}")).EnsureSuccessStatusCode();

            JsonElement? request = null;
            var until = DateTime.UtcNow.AddSeconds(30);
            while (request is null && DateTime.UtcNow < until)
            {
                request = Parsed(mes.StandardOutput).FirstOrDefault(l =>
                    l.GetProperty("Category").GetString() == "Microsoft.AspNetCore.Hosting.Diagnostics"
                    && l.GetProperty("Message").GetString()!.Contains(path, StringComparison.Ordinal));
                if (request is null)
                    await Task.Delay(200);
            }

            Assert.True(request is not null, $"no request line for {path} on standard output:\n{mes.Output}");
            var lines = mes.StandardOutput.Where(l => l.Length > 0).ToList();
            Assert.NotEmpty(lines);
            Assert.All(lines, line => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(line).RootElement.ValueKind));
            var traced = request.Value.GetProperty("Scopes").EnumerateArray().FirstOrDefault(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("TraceId", out _));
            Assert.True(traced.ValueKind == JsonValueKind.Object, $"the request line has no TraceId in its scopes: {request}");
            Assert.Matches(new Regex("^[0-9a-f]{32}$"), traced.GetProperty("TraceId").GetString());
            Assert.Matches(new Regex("^[0-9a-f]{16}$"), traced.GetProperty("SpanId").GetString());
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static IEnumerable<JsonElement> Parsed(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            if (!line.StartsWith('{'))
                continue;
            using var json = JsonDocument.Parse(line);
            yield return json.RootElement.Clone();
        }
    }
}
