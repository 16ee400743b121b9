using System.Net;
using System.Text.Json;

namespace PharmaMes.Web.Tests.Endpoints;

public class HealthEndpoint(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    [Fact]
    public async Task AnswersWithoutSignInAndReportsTheDatabase()
    {
        var response = await factory.NewBrowser().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var database = json.RootElement.GetProperty("checks").GetProperty("database");
        Assert.Equal("Healthy", database.GetProperty("status").GetString());
        Assert.Equal("Sqlite", database.GetProperty("data").GetProperty("provider").GetString());
    }

    [Fact]
    public void TheTestSettingsOverrideTheTopLevelDefaults()
    {
        // The database file is the one this test class chose, not the default under data/.
        Assert.NotNull(factory.Services);
        Assert.True(File.Exists(Path.Combine(factory.Folder, "mes.db")));
    }
}
