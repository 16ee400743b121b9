namespace PharmaMes.Infrastructure.Sparkplug;

/// <summary>The metrics one birth declared, found by name or by alias.</summary>
internal sealed class SparkplugMetrics
{
    private readonly Dictionary<string, SparkplugMetricDefinition> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, SparkplugMetricDefinition> _byAlias = [];

    public void Declare(SparkplugMetricDefinition definition)
    {
        _byName[definition.Name] = definition;
        if (definition.Alias is { } alias)
            _byAlias[alias] = definition;
    }

    public SparkplugMetricDefinition? ByName(string name) => _byName.GetValueOrDefault(name);

    public SparkplugMetricDefinition? ByAlias(ulong alias) => _byAlias.GetValueOrDefault(alias);
}
