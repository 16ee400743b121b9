using PharmaMes.Domain.Production;
using PharmaMes.Infrastructure.Persistence;

namespace PharmaMes.Infrastructure.Tests.Architecture;

/// <summary>
/// The plant's areas depend on each other in one direction only (materials and recipes below production,
/// production below quality), so that an area can be read, changed and tested without the ones above it.
/// </summary>
public class AreaNamespaces
{
    private static readonly string[] Areas = ["Materials", "Recipes", "Production", "Quality"];

    private static readonly string[] Layers = ["PharmaMes.Domain", "PharmaMes.Infrastructure"];

    // The one DbContext maps every area and its start-up runs their backfills: areas meet there, so a
    // way back through it is no dependency between them.
    private const string Persistence = "PharmaMes.Infrastructure.Persistence";

    [Fact]
    public void NoAreaNamespaceIsInACycle()
    {
        var graph = NamespaceGraph.Of(typeof(Batch).Assembly, typeof(MesDbContext).Assembly);
        var cycles = new List<string>();
        foreach (var layer in Layers)
            foreach (var area in Areas)
                cycles.AddRange(CyclesFrom(graph, $"{layer}.{area}"));

        Assert.True(cycles.Count == 0, "Area namespaces in a cycle:\n" + string.Join("\n\n", cycles.Distinct()));
    }

    /// <summary>
    /// Each shortest way back to <paramref name="start"/>, with the reference behind every step. It may
    /// pass through shared namespaces (signatures, plant, audit...): an area that reaches another through
    /// them still depends on it.
    /// </summary>
    private static IEnumerable<string> CyclesFrom(NamespaceGraph graph, string start)
    {
        var seen = new HashSet<string> { start };
        var queue = new Queue<List<string>>([[start]]);
        while (queue.Count > 0)
        {
            var path = queue.Dequeue();
            foreach (var next in graph.Uses(path[^1]).Where(n => n.StartsWith("PharmaMes.", StringComparison.Ordinal) && n != Persistence).Order())
            {
                if (next == start)
                {
                    yield return string.Join("\n", path.Append(start).Zip(path.Skip(1).Append(start), (from, to) => $"  {graph.Why(from, to)}"));
                    continue;
                }
                if (seen.Add(next))
                    queue.Enqueue([.. path, next]);
            }
        }
    }
}
