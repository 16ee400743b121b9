using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Planning;
using PharmaMes.Domain.Production;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Infrastructure.Planning;
using PharmaMes.Infrastructure.Production;

namespace PharmaMes.Benchmarks;

/// <summary>
/// The failure-impact loop on a real database: the demo plant grown to E equipment (the tablet line's classes, shared
/// out), O open paracetamol orders due over 14 days, the schedule in force planned; then the equipment the schedule
/// uses most in the next two hours goes Down. Times what the MES does after the Down message is stored: read the plant, re-plan what the
/// stop touches, compare with the schedule in force, keep the impact (the proposal a planner sees).
/// </summary>
internal static class ImpactBenchmark
{
    public static async Task<int> RunAsync(int orders, int equipment, int runs)
    {
        using var app = new BenchmarkWebApp(new Dictionary<string, string>
        {
            ["Demo:Enabled"] = "true",
            ["Demo:Simulator:Enabled"] = "false",
            ["Demo:Password"] = Password,
            ["Planning:Enabled"] = "false",
        });
        var services = app.Services;
        var seeding = Stopwatch.StartNew();
        var contexts = services.GetRequiredService<IDbContextFactory<MesDbContext>>();
        var total = await GrowPlantAsync(contexts, equipment);
        await PlaceOrdersAsync(services.GetRequiredService<ProductionOrderService>(), orders);
        await StockUpAsync(services, contexts);
        // The material review the orders start settles before anything is timed.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Console.WriteLine($"Seeded the demo plant grown to {total} equipment and {orders:#,0} more orders in {seeding.Elapsed.TotalSeconds:0.0} s");

        var schedule = services.GetRequiredService<ScheduleService>();
        var clock = Stopwatch.StartNew();
        var plan = await schedule.PlanAsync();
        Console.WriteLine($"Planned whole: {plan.Snapshot.Problem.Orders.Count} orders, {plan.Snapshot.Problem.Orders.Sum(o => o.Operations.Count)} operations by " +
                          $"{plan.Method} in {clock.Elapsed.TotalMilliseconds:0} ms");

        var impacts = services.GetRequiredService<ImpactService>();
        var reader = services.GetRequiredService<PlanningProblemReader>();
        var inForce = await schedule.InForceAsync();
        var soon = DateTimeOffset.UtcNow.AddHours(2);
        var busiest = inForce.Where(o => o.PlannedStart < soon).GroupBy(o => o.EquipmentCode).OrderByDescending(g => g.Count()).First().Key;
        // Stored Down, as the ingest stores a device's Down message before the impact loop hears of it.
        await using (var db = await contexts.CreateDbContextAsync(AuditActor.System("benchmark", "Down message")))
        {
            (await db.Equipment.SingleAsync(e => e.Code == new PlantCode(busiest))).ChangeState(EquipmentState.Down, DateTimeOffset.UtcNow, "Benchmark");
            await db.SaveChangesAsync();
        }
        // The repair expected to take the default two hours, then a day: the longer, the more of the schedule it touches.
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PlanningOptions>>().Value;
        var met = true;
        foreach (var repairMinutes in new[] { 120, 1_440 })
        {
            options.ExpectedRepairMinutes = repairMinutes;
            var read = new List<double>();
            var proposal = new List<double>();
            ScheduleImpact? last = null;
            for (var run = 0; run < runs + 1; run++)
            {
                clock.Restart();
                await reader.ReadAsync(DateTimeOffset.UtcNow);
                var readMs = clock.Elapsed.TotalMilliseconds;
                clock.Restart();
                last = await impacts.RaiseForEquipmentAsync(ImpactCause.EquipmentDown, busiest, $"{busiest} is Down: benchmark", hold: false);
                var proposalMs = clock.Elapsed.TotalMilliseconds;
                if (run == 0)
                    continue; // warm-up
                read.Add(readMs);
                proposal.Add(proposalMs);
            }
            read.Sort();
            proposal.Sort();
            var median = proposal[proposal.Count / 2];
            met &= median < 5_000;
            Console.WriteLine($"{busiest} Down for {repairMinutes / 60} h: {last?.Orders.Count ?? 0} orders change, by {last?.Method}; reading the plant alone: median {read[read.Count / 2]:0} ms");
            Console.WriteLine($"RESULT impact orders={orders} equipment={total} repair_h={repairMinutes / 60} read_ms={read[read.Count / 2]:0} proposal_ms={median:0} " +
                              $"slowest_ms={proposal[^1]:0} changed={last?.Orders.Count ?? 0} runs={runs}");
        }
        Console.WriteLine($"  target: a proposal within 5 s of the Down -> {(met ? "met" : "NOT met")}");
        return 0;
    }

    /// <summary>The demo's tablet line grown to the equipment count, its classes in turn (without ideal rates: their steps take what past batches took).</summary>
    private static async Task<int> GrowPlantAsync(IDbContextFactory<MesDbContext> contexts, int equipment)
    {
        await using var db = await contexts.CreateDbContextAsync(AuditActor.System("benchmark set-up", "Benchmark plant grown"));
        var line = await db.Lines.Include(l => l.Equipment).SingleAsync(l => l.Code == new PlantCode("OSD-L1"));
        var classes = new[] { EquipmentClass.TabletPress, EquipmentClass.HighShearGranulator, EquipmentClass.FluidBedDryer, EquipmentClass.Coater,
            EquipmentClass.BlisterPacker, EquipmentClass.DispensingBooth };
        var total = await db.Equipment.CountAsync();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; total < equipment; i++, total++)
            line.AddEquipment(new PlantCode($"BENCH-{i + 1:000}"), $"Benchmark unit {i + 1}", classes[i % classes.Length], now.AddDays(-1));
        await db.SaveChangesAsync();
        return total;
    }

    /// <summary>
    /// A released lot of every material the product's recipe takes, enough for the whole order book: the benchmark
    /// measures a stop, not a shortage (without it most orders would wait for a delivery, beyond the next days).
    /// </summary>
    private static async Task StockUpAsync(IServiceProvider services, IDbContextFactory<MesDbContext> contexts)
    {
        List<(string Code, string Unit)> materials;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var codes = (await db.MasterRecipes.AsNoTracking().Include(r => r.BillOfMaterials)
                    .Where(r => r.ProductCode == new Domain.Materials.MaterialCode("FG-PARA500")).ToListAsync())
                .SelectMany(r => r.BillOfMaterials).Select(l => l.MaterialCode).Distinct().ToList();
            materials = [.. (await db.Materials.AsNoTracking().Where(m => codes.Contains(m.Code)).ToListAsync()).Select(m => (m.Code.Value, m.Unit.Symbol))];
        }
        var receiver = AuditActor.System("benchmark set-up", "Benchmark stock");
        var qa = await Testing.ShopFloorSetup.PersonAsync(services, "qa");
        var expiry = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(2);
        foreach (var (code, unit) in materials)
        {
            var lot = $"BENCH-{code}";
            await services.GetRequiredService<Infrastructure.Materials.LotReceiving>().ReceiveAsync(
                new Infrastructure.Materials.LotReceipt(code, lot, 100_000_000m, unit, expiry, null), receiver);
            await services.GetRequiredService<Infrastructure.Materials.LotDispositionService>().ReleaseAsync(lot,
                new Infrastructure.Signatures.SignatureCredentials("qa", Password), qa);
        }
    }

    private const string Password = "Bench-Password-2026";

    private static async Task PlaceOrdersAsync(ProductionOrderService service, int orders)
    {
        var planner = AuditActor.System("benchmark set-up", "Benchmark order book");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var random = new Random(42);
        for (var i = 0; i < orders; i++)
            await service.PlanAsync("FG-PARA500", 20_000m * random.Next(1, 6), today.AddDays(random.Next(1, 15)), random.Next(1, 6), null, null, planner);
    }
}
