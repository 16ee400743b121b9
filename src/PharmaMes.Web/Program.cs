using System.Globalization;
using PharmaMes.Infrastructure;
using PharmaMes.Web;
using PharmaMes.Web.Commands;
using PharmaMes.Web.Components;
using PharmaMes.Web.Configuration;
using PharmaMes.Web.Endpoints;
using PharmaMes.Web.Hubs;
using PharmaMes.Web.Security;
using Scalar.AspNetCore;

// One culture on every terminal: a record must read the same wherever it is shown or printed.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;

// A new site's first administrator is made from the command line, before anyone can sign in.
if (AddAdminCommand.IsInvoked(args))
    return await AddAdminCommand.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddProductSettings(builder.Environment);
builder.AddInfrastructure();
builder.AddWeb();

var app = builder.Build();
await MesStartup.InitializeAsync(app.Services);

app.UseForwardedHeaders();
// Production runs over HTTPS (directly or behind a TLS proxy): browsers are told to keep to it.
if (!app.Environment.IsDevelopment())
    app.UseHsts();
if (app.Configuration.GetValue<bool>("Security:RequireHttps"))
    app.UseHttpsRedirection();
app.UseSecurityHeaders();

// A malformed request (bad form token, unreadable body) is the caller's 400, not a server fault.
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
});
// APIs answer errors as problem details; pages keep their own error and not-found screens.
app.UseWhen(context => AuthenticationSetup.IsMachineRequest(context.Request), api => api.UseStatusCodePages());
app.UseSignInRateLimiting();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapHealthEndpoints();
app.MapMetricsEndpoint();
app.MapAccountEndpoints();
// Every API refuses invisible control characters in the text it is given, naming the field.
var api = app.MapGroup("").RefuseUnsafeText();
api.MapPlantApi();
api.MapPlantModelApi();
api.MapBatchApi();
api.MapAuditApi();
api.MapErpApi();
api.MapOutboxApi();
api.MapMaintenanceApi();
api.MapWorkOrderApi();
api.MapAlertApi();
api.MapOeeApi();
api.MapScheduleApi();
api.MapImpactApi();
api.MapShiftCalendarApi();
app.MapTerminalEndpoints();
app.MapHub<PlantHub>(PlantHub.Path);
// The API described at /openapi/v1.json and browsable at /scalar, for signed-in people and API keys.
app.MapOpenApi().RequireAuthorization(Policies.PlantReader);
app.MapScalarApiReference().RequireAuthorization(Policies.PlantReader);
// The content policy of SecurityHeaders already forbids framing; Blazor's own frame-ancestors header would be a second one.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);

app.Run();
return 0;
