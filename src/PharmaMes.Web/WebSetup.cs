using System.Text.Json.Serialization;
using PharmaMes.Web.Endpoints;
using PharmaMes.Web.Hubs;
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
        services.AddHttpContextAccessor();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<DomainExceptionHandler>();
        services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddHostedService<PlantHubBroadcaster>();
        return builder;
    }
}
