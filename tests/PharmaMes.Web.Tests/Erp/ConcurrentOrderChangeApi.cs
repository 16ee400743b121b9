using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Infrastructure.Production;
using static PharmaMes.Web.Tests.Erp.ErpClient;

namespace PharmaMes.Web.Tests.Erp;

/// <summary>The ERP cancels an order that another node changes at the same moment: a 409 that says to reload, and nothing of the cancel saved.</summary>
public class ConcurrentOrderChangeApi(ConcurrentOrderChangeApi.Factory factory) : IClassFixture<ConcurrentOrderChangeApi.Factory>
{
    /// <summary>The app, with an order service whose clock can let another node save a change between its read and its write.</summary>
    public sealed class Factory : MesWebFactory
    {
        public ArmedMeanwhile Meanwhile { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton(provider =>
                new ProductionOrderService(provider.GetRequiredService<IDbContextFactory<MesDbContext>>(), Meanwhile)));
        }
    }

    /// <summary>A clock that, read for the first time after it is armed, lets another unit of work save its change first.</summary>
    public sealed class ArmedMeanwhile : TimeProvider
    {
        private Func<Task>? _change;

        public void Arm(Func<Task> change) => _change = change;

        public override DateTimeOffset GetUtcNow()
        {
            if (Interlocked.Exchange(ref _change, null) is { } change)
                Task.Run(change).GetAwaiter().GetResult();
            return base.GetUtcNow();
        }
    }

    [Fact]
    public async Task ACancelOfAnOrderChangedMeanwhileIsAConflictThatSavesNothing()
    {
        var erp = Machine(factory);
        var product = await NewMaterialAsync(erp, "FinishedGood", "pcs", "FG");
        var externalId = Unique("SAP-4500");
        var planned = await erp.PutAsJsonAsync($"/api/v1/production-orders/{externalId}",
            new { product, quantity = 120000m, unit = "pcs", dueDate = Today.AddDays(30), priority = 3, customerReference = "CUST-PO-77" });
        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        string number;
        using (var json = await JsonAsync(planned))
            number = json.RootElement.GetProperty("number").GetString()!;
        var otherNode = new ProductionOrderService(factory.Services.GetRequiredService<IDbContextFactory<MesDbContext>>(), TimeProvider.System);
        factory.Meanwhile.Arm(() => otherNode.ChangeAsync(number,
            new OrderChange(90000m, Today.AddDays(20), 1, null, "CUST-PO-77", "Customer needs it earlier"), new AuditActor(Guid.NewGuid(), "planner-test")));

        var response = await erp.DeleteAsync($"/api/v1/production-orders/{externalId}?reason=Withdrawn");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using (var problem = await JsonAsync(response))
        {
            Assert.Equal("Changed by someone else meanwhile", problem.RootElement.GetProperty("title").GetString());
            Assert.Equal($"Order {number} was changed by someone else meanwhile; reload and try again. Nothing of this change was saved.",
                problem.RootElement.GetProperty("detail").GetString());
        }
        using var stored = await JsonAsync(await erp.GetAsync($"/api/v1/production-orders/{number}"));
        Assert.Equal(("Planned", 90000m), (stored.RootElement.GetProperty("status").GetString(), stored.RootElement.GetProperty("quantity").GetDecimal()));
    }
}
