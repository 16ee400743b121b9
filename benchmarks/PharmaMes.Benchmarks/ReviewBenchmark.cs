using System.Diagnostics;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Recipes;
using PharmaMes.Domain.Signatures;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Infrastructure.Production;
using PharmaMes.Web.Components.Pages.Batches;

namespace PharmaMes.Benchmarks;

/// <summary>
/// Server time to open a batch record for QA review: reading the whole record (batch, steps,
/// every entry, every signature checked against its content, exceptions) and rendering the
/// record document to HTML, for a batch of N entries. Prints the median and the slowest of
/// repeated runs after a warm-up.
/// </summary>
internal static class ReviewBenchmark
{
    public static async Task<int> RunAsync(int entries, int runs)
    {
        using var app = new BenchmarkWebApp();
        var services = app.Services;
        var number = await SeedAsync(services.GetRequiredService<IDbContextFactory<MesDbContext>>(), entries);
        var review = services.GetRequiredService<BatchReviewService>();

        var load = new List<double>();
        var render = new List<double>();
        var size = 0;
        for (var run = 0; run < runs + 2; run++)
        {
            var clock = Stopwatch.StartNew();
            var record = await review.GetRecordAsync(number) ?? throw new InvalidOperationException("The batch was not found.");
            var loaded = clock.Elapsed.TotalMilliseconds;
            await using var scope = services.CreateAsyncScope();
            await using var renderer = new HtmlRenderer(scope.ServiceProvider, services.GetRequiredService<ILoggerFactory>());
            var html = await renderer.Dispatcher.InvokeAsync(async () =>
            {
                var output = await renderer.RenderComponentAsync<BatchRecordDocument>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Record"] = record }));
                return output.ToHtmlString();
            });
            var total = clock.Elapsed.TotalMilliseconds;
            size = html.Length;
            if (run < 2)
                continue; // warm-up: JIT and first queries
            load.Add(loaded);
            render.Add(total);
        }
        load.Sort();
        render.Sort();
        Console.WriteLine($"Batch record of {entries:#,0} entries, {runs} runs after 2 warm-up runs; HTML {size / 1024.0:#,0} KiB");
        Console.WriteLine($"  read the record (batch, steps, entries, signatures checked, exceptions): median {Median(load):0.0} ms, slowest {load[^1]:0.0} ms");
        Console.WriteLine($"  read and render the review document to HTML:                          median {Median(render):0.0} ms, slowest {render[^1]:0.0} ms");
        Console.WriteLine($"  target: under 500 ms of server time -> {(Median(render) < 500 ? "met" : "NOT met")}");
        Console.WriteLine($"RESULT review entries={entries} load_ms={Median(load):0.0} render_ms={Median(render):0.0}");
        return 0;
    }

    private static double Median(List<double> sorted) => sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];

    /// <summary>A completed batch whose one long step holds <paramref name="entries"/> recorded values (one in a hundred out of limits).</summary>
    private static async Task<string> SeedAsync(IDbContextFactory<MesDbContext> contexts, int entries)
    {
        var now = DateTimeOffset.UtcNow.AddDays(-1);
        var author = new Person(Guid.CreateVersion7(), "author");
        var qa = new Person(Guid.CreateVersion7(), "qa");
        var operatorPerson = new Person(Guid.CreateVersion7(), "operator");
        var product = new Domain.Materials.MaterialCode("FG-BENCH");
        var recipe = MasterRecipe.Create(product, "Benchmark tablets", new Quantity(100_000m, "pcs"), author.Id, author.Name, now);
        recipe.AddStep("In-process control", "Weigh ten tablets every minute.");
        recipe.AddParameter(1, "Tablet weight", new UnitOfMeasure("mg"), 500, new ValueRange(495, 505));
        recipe.Approve(qa.Id, now);
        var order = ProductionOrder.Plan(new OrderNumber("PO-BENCH-1"), product, new Quantity(100_000m, "pcs"), DateOnly.FromDateTime(now.UtcDateTime).AddDays(7), 3, now);
        order.Release(now);
        var batch = Batch.Create(order, recipe, new BatchNumber("B-BENCH-1"), new Quantity(100_000m, "pcs"), operatorPerson, now);
        batch.Start(operatorPerson, now);
        batch.StartStep(1, null, operatorPerson, now);

        await using (var db = await contexts.CreateDbContextAsync(AuditActor.System("benchmark")))
        {
            db.MasterRecipes.Add(recipe);
            db.ProductionOrders.Add(order);
            db.Batches.Add(batch);
            db.BatchRecordEntries.AddRange(batch.TakeNewEntries());
            await db.SaveChangesAsync();
        }
        var random = new Random(42);
        while (batch.NextEntrySequence <= entries - 3)
        {
            await using var db = await contexts.CreateDbContextAsync(AuditActor.System("benchmark"));
            db.Attach(batch);
            for (var i = 0; i < 1_000 && batch.NextEntrySequence <= entries - 3; i++)
            {
                var value = random.Next(100) == 0 ? 506.2 : 500 + random.NextDouble() * 6 - 3;
                batch.RecordValue(1, "Tablet weight", Math.Round(value, 1), operatorPerson, now.AddSeconds(batch.NextEntrySequence));
            }
            db.BatchRecordEntries.AddRange(batch.TakeNewEntries());
            await db.SaveChangesAsync();
        }
        await using (var db = await contexts.CreateDbContextAsync(AuditActor.System("benchmark")))
        {
            db.Attach(batch);
            var at = now.AddSeconds(entries);
            batch.CompleteStep(1, operatorPerson, at);
            var performed = new ElectronicSignature(operatorPerson.Id, "operator", "Olga Petrova", SignatureMeaning.Performed, at, "BatchStep",
                batch.Steps[0].Id, batch.StepContent(1, SignatureMeaning.Performed));
            db.Signatures.Add(performed);
            batch.RecordStepSignature(1, performed);
            batch.Complete(operatorPerson, at);
            db.BatchRecordEntries.AddRange(batch.TakeNewEntries());
            await db.SaveChangesAsync();
        }
        return batch.Number.Value;
    }
}
