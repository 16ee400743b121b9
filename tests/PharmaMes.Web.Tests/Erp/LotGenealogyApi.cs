using System.Net;
using static PharmaMes.Web.Tests.Erp.ErpClient;

namespace PharmaMes.Web.Tests.Erp;

public class LotGenealogyApi(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    private readonly HttpClient _erp = Machine(factory);

    [Fact]
    public async Task BackwardFromAReleasedDemoBatchLotNamesTheBatchAndTheRawLotsItConsumed()
    {
        using var json = await JsonAsync(await _erp.GetAsync("/api/v1/lots/B-2026-0002/genealogy?direction=backward"));

        var root = json.RootElement;
        Assert.Equal(("backward", 1), (root.GetProperty("direction").GetString(), root.GetProperty("levels").GetInt32()));
        var lot = root.GetProperty("lot");
        Assert.Equal(("B-2026-0002", "Released"), (lot.GetProperty("lot").GetString(), lot.GetProperty("status").GetString()));
        var batch = Assert.Single(lot.GetProperty("batches").EnumerateArray());
        Assert.Equal("B-2026-0002", batch.GetProperty("batch").GetString());
        var consumed = batch.GetProperty("lots").EnumerateArray().Select(l => l.GetProperty("lot").GetString()).ToList();
        Assert.Contains("PARA-24-0117", consumed);
        Assert.All(batch.GetProperty("lots").EnumerateArray(), l => Assert.True(l.GetProperty("quantity").GetDecimal() > 0));
    }

    [Fact]
    public async Task ForwardFromARawLotReachesTheFinishedLotsOfTheBatchesThatUsedIt()
    {
        using var json = await JsonAsync(await _erp.GetAsync("/api/v1/lots/PARA-24-0117/genealogy?direction=forward"));

        var batches = json.RootElement.GetProperty("lot").GetProperty("batches").EnumerateArray().ToList();
        Assert.Contains(batches, b => b.GetProperty("batch").GetString() == "B-2026-0002"
            && b.GetProperty("lots").EnumerateArray().Any(l => l.GetProperty("lot").GetString() == "B-2026-0002"));
    }

    [Fact]
    public async Task AnUnknownDirectionIsAProblemNamingTheField()
    {
        var response = await _erp.GetAsync("/api/v1/lots/PARA-24-0117/genealogy?direction=sideways");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = await JsonAsync(response);
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("direction", out _));
    }

    [Fact]
    public async Task AnUnknownLotIsNotFoundAndWithoutAKeyNothingIsShown()
    {
        var missing = await _erp.GetAsync("/api/v1/lots/NO-SUCH-LOT/genealogy");
        var anonymous = await factory.NewBrowser().GetAsync("/api/v1/lots/PARA-24-0117/genealogy");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
