namespace PharmaMes.Benchmarks;

/// <summary>
/// Benchmarks that print figures (not timed tests): run them on a quiet machine, compare ratios.
/// <c>dotnet run -c Release --project benchmarks/PharmaMes.Benchmarks -- ingest [messages] [equipment] [in-flight] [Full|Normal]</c>
/// <c>dotnet run -c Release --project benchmarks/PharmaMes.Benchmarks -- latency [rate] [seconds] [equipment] [Full|Normal]</c>
/// <c>dotnet run -c Release --project benchmarks/PharmaMes.Benchmarks -- review [entries] [runs]</c>
/// <c>dotnet run -c Release --project benchmarks/PharmaMes.Benchmarks -- outbox [messages] [aggregates] [Json|B2mml]</c>
/// <c>dotnet run -c Release --project benchmarks/PharmaMes.Benchmarks -- inventory [materials] [lots] [runs]</c>
/// <c>dotnet run -c Release --project benchmarks/PharmaMes.Benchmarks -- oee [equipment] [days] [runs]</c>
/// <c>dotnet run -c Release --project benchmarks/PharmaMes.Benchmarks -- planning [orders] [equipment] [limit-seconds]</c>
/// <c>dotnet run -c Release --project benchmarks/PharmaMes.Benchmarks -- impact [orders] [equipment] [runs]</c>
/// <c>dotnet run -c Release --project benchmarks/PharmaMes.Benchmarks -- cluster [messages] [equipment] [in-flight] [hub-clients] [seconds]</c>
/// </summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        string Sync(int index) => args.Length > index ? args[index] : "Full";
        long Arg(int index, long fallback) => args.Length > index && long.TryParse(args[index], out var value) ? value : fallback;
        return (args.FirstOrDefault() ?? "help") switch
        {
            "ingest" => await IngestBenchmark.RunAsync(Arg(1, 200_000), (int)Arg(2, 100), (int)Arg(3, 500), Sync(4)),
            "latency" => await LatencyBenchmark.RunAsync(Arg(1, 2_000), (int)Arg(2, 15), (int)Arg(3, 20), Sync(4)),
            "review" => await ReviewBenchmark.RunAsync((int)Arg(1, 5_000), (int)Arg(2, 20)),
            "inventory" => await InventoryBenchmark.RunAsync((int)Arg(1, 2_000), (int)Arg(2, 50_000), (int)Arg(3, 10)),
            "oee" => await OeeBenchmark.RunAsync((int)Arg(1, 20), (int)Arg(2, 30), (int)Arg(3, 5)),
            "planning" => PlanningBenchmark.Run((int)Arg(1, 500), (int)Arg(2, 40), (int)Arg(3, 4)),
            "impact" => await ImpactBenchmark.RunAsync((int)Arg(1, 500), (int)Arg(2, 40), (int)Arg(3, 3)),
            "cluster" => await ClusterBenchmark.RunAsync(Arg(1, 100_000), (int)Arg(2, 100), (int)Arg(3, 500), (int)Arg(4, 500), (int)Arg(5, 30)),
            "outbox" => await OutboxBenchmark.RunAsync((int)Arg(1, 10_000), (int)Arg(2, 100), args.Length > 3 ? args[3] : "Json"),
            _ => Usage(),
        };
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: PharmaMes.Benchmarks ingest [messages=200000] [equipment=100] [in-flight=500] [Full|Normal]");
        Console.Error.WriteLine("       PharmaMes.Benchmarks latency [rate=2000] [seconds=15] [equipment=20] [Full|Normal]");
        Console.Error.WriteLine("       PharmaMes.Benchmarks review [entries=5000] [runs=20]");
        Console.Error.WriteLine("       PharmaMes.Benchmarks outbox [messages=10000] [aggregates=100] [Json|B2mml]");
        Console.Error.WriteLine("       PharmaMes.Benchmarks inventory [materials=2000] [lots=50000] [runs=10]");
        Console.Error.WriteLine("       PharmaMes.Benchmarks oee [equipment=20] [days=30] [runs=5]");
        Console.Error.WriteLine("       PharmaMes.Benchmarks planning [orders=500] [equipment=40] [limit-seconds=4]");
        Console.Error.WriteLine("       PharmaMes.Benchmarks impact [orders=500] [equipment=40] [runs=3]");
        Console.Error.WriteLine("       PharmaMes.Benchmarks cluster [messages=100000] [equipment=100] [in-flight=500] [hub-clients=500] [seconds=30]");
        return 2;
    }
}
