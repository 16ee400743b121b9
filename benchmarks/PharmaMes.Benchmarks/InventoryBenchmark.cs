using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Materials;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Web.Components.Pages.Inventory;

namespace PharmaMes.Benchmarks;

/// <summary>
/// Server time of the planners' inventory page for a large site: N materials with M lots between
/// them (every status, stock on every lot) and an hour of consumption on a quarter of the
/// materials. Each run computes every figure the page shows (stock by status from the lot
/// balances, allocation, last-hour rate, projection) and renders the page to HTML.
/// </summary>
internal static class InventoryBenchmark
{
    public static async Task<int> RunAsync(int materials, int lots, int runs)
    {
        using var app = new BenchmarkWebApp();
        var services = app.Services;
        var seeding = Stopwatch.StartNew();
        await SeedAsync(services.GetRequiredService<IDbContextFactory<MesDbContext>>(), materials, lots);
        Console.WriteLine($"Seeded {materials:#,0} materials and {lots:#,0} lots in {seeding.Elapsed.TotalSeconds:0.0} s");

        var overview = services.GetRequiredService<InventoryOverviewService>();
        var read = new List<double>();
        var render = new List<double>();
        var size = 0;
        for (var run = 0; run < runs + 2; run++)
        {
            var clock = Stopwatch.StartNew();
            var figures = await overview.ListAsync();
            var readMs = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            await using var scope = services.CreateAsyncScope();
            await using var renderer = new HtmlRenderer(scope.ServiceProvider, services.GetRequiredService<ILoggerFactory>());
            var html = await renderer.Dispatcher.InvokeAsync(async () =>
                (await renderer.RenderComponentAsync<InventoryPage>(ParameterView.Empty)).ToHtmlString());
            var renderMs = clock.Elapsed.TotalMilliseconds;
            size = html.Length;
            if (run < 2 || figures.Count != materials)
                continue;
            read.Add(readMs);
            render.Add(renderMs);
        }
        read.Sort();
        render.Sort();
        Console.WriteLine($"Inventory page: {materials:#,0} materials, {lots:#,0} lots, {runs} runs after 2 warm-up runs; HTML {size / 1024.0:#,0} KiB");
        Console.WriteLine($"  compute every figure (stock by status, allocation, rate, projection): median {Median(read):0.0} ms, slowest {read[^1]:0.0} ms");
        Console.WriteLine($"  render the whole page to HTML (reads the figures itself):             median {Median(render):0.0} ms, slowest {render[^1]:0.0} ms");
        Console.WriteLine($"  target: page under 500 ms of server time -> {(Median(render) < 500 ? "met" : "NOT met")}");
        Console.WriteLine($"RESULT inventory read_ms={Median(read):0.0} render_ms={Median(render):0.0}");
        return 0;
    }

    private static double Median(List<double> sorted) => sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];

    /// <summary>
    /// Materials through the app (audited); lots, balances and the last hour's issues straight into
    /// the tables, as a data migration would load them (the benchmark measures reading, not posting).
    /// </summary>
    private static async Task SeedAsync(IDbContextFactory<MesDbContext> contexts, int materialCount, int lotCount)
    {
        var now = DateTimeOffset.UtcNow;
        var ids = new List<Guid>();
        await using (var db = await contexts.CreateDbContextAsync(AuditActor.System("benchmark")))
        {
            for (var i = 0; i < materialCount; i++)
            {
                var material = new Material(new MaterialCode($"M-{i:D5}"), $"Benchmark material {i}", i % 3 == 0 ? MaterialType.Excipient : MaterialType.RawMaterial,
                    new UnitOfMeasure("kg"), 500, 100);
                db.Materials.Add(material);
                ids.Add(material.Id);
            }
            await db.SaveChangesAsync();
        }
        await using (var db = await contexts.CreateDbContextAsync())
        {
            await db.Database.OpenConnectionAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var connection = db.Database.GetDbConnection();
            await using var lot = connection.CreateCommand();
            lot.CommandText = "INSERT INTO MaterialLots (Id, Number, MaterialId, Status, ExpiryDate, CreatedAt, SupplierLot, Location, StatusReason, StatusChangedAt) " +
                              "VALUES ($id, $number, $material, $status, $expiry, $at, NULL, 'WH-A', NULL, $at)";
            await using var balance = connection.CreateCommand();
            balance.CommandText = "INSERT INTO LotBalances (LotId, MaterialId, OnHand, Version, UpdatedAt) VALUES ($id, $material, $onHand, 1, $at)";
            await using var issue = connection.CreateCommand();
            issue.CommandText = "INSERT INTO InventoryLedger (Id, LotId, MaterialId, Movement, Change, Unit, OccurredAt, Reference, Reason, RecordedBy) " +
                                "VALUES ($id, $lot, $material, 'IssueToBatch', $change, 'kg', $at, 'B-BENCH-1', NULL, 'benchmark')";
            foreach (var command in new[] { lot, balance, issue })
                command.Transaction = transaction.GetDbTransaction();
            string[] statuses = ["Released", "Released", "Released", "Quarantine", "Rejected", "Expired"];
            for (var i = 0; i < lotCount; i++)
            {
                var id = Guid.NewGuid().ToString().ToUpperInvariant();
                var material = ids[i % ids.Count].ToString().ToUpperInvariant();
                SqlParameters.Set(lot, ("$id", id), ("$number", $"L-{i:D6}"), ("$material", material), ("$status", statuses[i % statuses.Length]),
                    ("$expiry", DateOnly.FromDateTime(now.UtcDateTime).AddDays(30 + i % 700).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("$at", now.AddDays(-10).UtcTicks));
                await lot.ExecuteNonQueryAsync();
                SqlParameters.Set(balance, ("$id", id), ("$material", material), ("$onHand", (50m + i % 400).ToString(CultureInfo.InvariantCulture)), ("$at", now.UtcTicks));
                await balance.ExecuteNonQueryAsync();
                if (i % ids.Count < ids.Count / 4 && i < ids.Count * 2)
                {
                    SqlParameters.Set(issue, ("$id", Guid.NewGuid().ToString().ToUpperInvariant()), ("$lot", id), ("$material", material), ("$change", "-12.5"), ("$at", now.AddMinutes(-20).UtcTicks));
                    await issue.ExecuteNonQueryAsync();
                }
            }
            await transaction.CommitAsync();
        }
    }
}
