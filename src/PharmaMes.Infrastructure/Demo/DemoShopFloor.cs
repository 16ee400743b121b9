using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PharmaMes.Infrastructure.Audit;
using PharmaMes.Infrastructure.Messaging;
using PharmaMes.Infrastructure.Persistence;
using PharmaMes.Infrastructure.Production;
using PharmaMes.Infrastructure.Quality;
using PharmaMes.Infrastructure.Signatures;

namespace PharmaMes.Infrastructure.Demo;

/// <summary>
/// Where the demo batches are made: the services the shop floor uses, all on one replay clock, and the
/// demo people, who act under their own name and sign with their own user name and password.
/// </summary>
internal sealed class DemoShopFloor
{
    /// <summary>Someone who acts at a terminal: who the audit trail names, and what they type to sign.</summary>
    public sealed record Person(AuditActor Actor, SignatureCredentials Credentials);

    /// <summary>The plant as the telemetry pipeline knows it: where the demo writes the readings its equipment reported.</summary>
    public PlantDirectory Directory { get; }

    // Built as the container would build them, but on the replay clock instead of the real one.
    private DemoShopFloor(IServiceProvider services, IDbContextFactory<MesDbContext> contexts, ReplayClock clock,
        Person operatorPerson, Person supervisor, Person qa, Person planner)
    {
        Contexts = new ReplayContexts(contexts, clock);
        Clock = clock;
        var signing = ActivatorUtilities.CreateInstance<ElectronicSigning>(services, clock);
        Execution = ActivatorUtilities.CreateInstance<BatchExecutionService>(services, signing, clock, Contexts);
        Review = ActivatorUtilities.CreateInstance<BatchReviewService>(services, signing, clock, Contexts);
        Exceptions = ActivatorUtilities.CreateInstance<QualityExceptionService>(services, signing, clock, Contexts);
        Orders = ActivatorUtilities.CreateInstance<ProductionOrderService>(services, clock, Contexts);
        Directory = services.GetRequiredService<PlantDirectory>();
        Operator = operatorPerson;
        Supervisor = supervisor;
        Qa = qa;
        Planner = planner;
    }

    public IDbContextFactory<MesDbContext> Contexts { get; }
    public ReplayClock Clock { get; }
    public BatchExecutionService Execution { get; }
    public BatchReviewService Review { get; }
    public QualityExceptionService Exceptions { get; }
    public ProductionOrderService Orders { get; }
    public Person Operator { get; }
    public Person Supervisor { get; }
    public Person Qa { get; }
    public Person Planner { get; }

    /// <summary>The shop floor with the demo users, or null when one of them is missing.</summary>
    public static async Task<DemoShopFloor?> OpenAsync(IServiceProvider services, string password, ReplayClock clock, CancellationToken cancellationToken)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<MesDbContext>>();
        string[] names = ["operator", "supervisor", "qa", "planner"];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, cancellationToken);
        if (names.Any(n => !users.ContainsKey(n)))
            return null;
        Person As(string userName) => new(new AuditActor(users[userName].Id, userName), new SignatureCredentials(userName, password));
        return new DemoShopFloor(services, contexts, clock, As("operator"), As("supervisor"), As("qa"), As("planner"));
    }
}
