using System.Text.Json.Serialization;
using FluentValidation;
using PharmaMes.Web.Components.Pages.Inventory;
using PharmaMes.Web.Components.Pages.Materials;
using PharmaMes.Web.Endpoints;
using PharmaMes.Web.Hubs;
using PharmaMes.Web.Observability;
using PharmaMes.Web.Security;
using Radzen;

namespace PharmaMes.Web;

public static class WebSetup
{
    /// <summary>Blazor Server, Radzen, authentication and RFC 9457 problem details.</summary>
    public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddRadzenComponents();
        services.AddMesAuthentication(builder.Configuration);
        builder.AddMesTelemetry();
        services.AddSignInRateLimiting(builder.Configuration);
        services.AddMesForwardedHeaders(builder.Configuration);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddHttpContextAccessor();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        // Transient: a validator that knows today reads the clock when it is made.
        services.AddTransient<IValidator<ProductionOrderRequest>, ProductionOrderRequestValidator>();
        services.AddTransient<IValidator<LotReceiptRequest>, LotReceiptRequestValidator>();
        services.AddTransient<IValidator<ReceiveLotForm>, ReceiveLotForm.Validator>();
        services.AddTransient<IValidator<MaterialMasterRequest>, MaterialMasterRequestValidator>();
        services.AddTransient<IValidator<MaterialForm>, MaterialForm.Validator>();
        services.AddExceptionHandler<DomainExceptionHandler>();
        services.AddExceptionHandler<UnreadableRequestHandler>();
        // An unreadable request reaches the handler above in every environment, not only in Development.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "PharmaMes API";
            document.Info.Description = "The live plant for machine clients: send an API key in X-Api-Key. Errors are RFC 9457 problem details.";
            return Task.CompletedTask;
        }));
        var signalR = services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        // Several nodes: a hub message sent on one node reaches the clients connected to every node.
        if (Infrastructure.Cluster.RedisOptions.From(builder.Configuration) is { } redis)
            signalR.AddStackExchangeRedis(redis.ConnectionString,
                o => o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal($"{redis.ChannelPrefix}:hub"));
        services.AddHostedService<PlantHubBroadcaster>();
        services.AddSingleton<HubConnections>();
        return builder;
    }
}
