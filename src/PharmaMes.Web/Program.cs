using PharmaMes.Infrastructure;
using PharmaMes.Web;
using PharmaMes.Web.Components;
using PharmaMes.Web.Configuration;
using PharmaMes.Web.Endpoints;
using PharmaMes.Web.Security;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddProductSettings(builder.Environment);
builder.AddInfrastructure();
builder.AddWeb();

var app = builder.Build();
await MesStartup.InitializeAsync(app.Services);

app.UseExceptionHandler();
// APIs answer errors as problem details; pages keep their own error and not-found screens.
app.UseWhen(context => AuthenticationSetup.IsMachineRequest(context.Request), api => api.UseStatusCodePages());
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapHealthEndpoints();
app.MapAccountEndpoints();
app.MapPlantApi();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();
