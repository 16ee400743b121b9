using System.Net;
using System.Net.Http.Json;
using static PharmaMes.Web.Tests.Erp.ErpClient;

namespace PharmaMes.Web.Tests.Erp;

public class ErpApiAccess(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    private static object Order() =>
        new { externalId = Unique("SAP"), product = "FG-PARA500", quantity = 1000m, unit = "pcs", dueDate = Today.AddDays(10), priority = 5 };

    [Theory]
    [InlineData("/api/v1/inventory")]
    [InlineData("/api/v1/production-orders")]
    public async Task WithoutAKeyOrSessionTheApiAnswers401(string path)
    {
        var response = await factory.NewBrowser().GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnOperatorMayNotSendOrdersOrReadTheErpInventory()
    {
        var @operator = await factory.SignedInAsync("operator");

        var post = await @operator.PostAsJsonAsync("/api/v1/production-orders", Order());
        var read = await @operator.GetAsync("/api/v1/inventory");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (post.StatusCode, read.StatusCode));
    }

    [Fact]
    public async Task APlannerMayUseItWithTheirSession()
    {
        var planner = await factory.SignedInAsync("planner");

        var response = await planner.GetAsync("/api/v1/inventory");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
