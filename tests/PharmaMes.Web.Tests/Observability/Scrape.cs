using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace PharmaMes.Web.Tests.Observability;

/// <summary>Reads /metrics as a Prometheus server does, with the API key, and picks samples out of the text.</summary>
internal sealed class Scrape(MesWebFactory factory)
{
    private readonly HttpClient _machine = Machine(factory);

    private static HttpClient Machine(MesWebFactory factory)
    {
        var client = factory.NewBrowser();
        client.DefaultRequestHeaders.Add("X-Api-Key", MesWebFactory.ApiKey);
        return client;
    }

    public async Task<string> TextAsync()
    {
        var response = await _machine.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The sample's value, summed over the series whose labels contain <paramref name="label"/>; null when there is none.</summary>
    public static double? Value(string text, string name, string? label = null)
    {
        double? sum = null;
        foreach (Match sample in Regex.Matches(text, $@"^{Regex.Escape(name)}(?:\{{(?<labels>[^}}]*)\}})? (?<value>\S+)", RegexOptions.Multiline))
        {
            if (label is not null && !sample.Groups["labels"].Value.Contains(label, StringComparison.Ordinal))
                continue;
            sum = (sum ?? 0) + double.Parse(sample.Groups["value"].Value, CultureInfo.InvariantCulture);
        }
        return sum;
    }

    public async Task<double> ValueAsync(string name, string? label = null) => Value(await TextAsync(), name, label) ?? 0;

    /// <summary>
    /// Scrapes until the sample satisfies <paramref name="expected"/>: what it measures happens in the
    /// background (the ingest writer, the dispatcher) and the exporter keeps a scrape for a moment.
    /// </summary>
    public async Task<string> UntilAsync(string name, string? label, Func<double, bool> expected, string because)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        string text;
        do
        {
            text = await TextAsync();
            if (Value(text, name, label) is { } value && expected(value))
                return text;
            await Task.Delay(200);
        } while (DateTime.UtcNow < until);
        Assert.Fail($"{because}: {name}{(label is null ? "" : $" with {label}")} never met the expectation. Last scrape:\n{string.Join('\n', text.Split('\n').Where(l => l.StartsWith("pharmames_", StringComparison.Ordinal)))}");
        return text;
    }
}
