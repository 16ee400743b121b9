namespace PharmaMes.Web.Tests.Batches;

/// <summary>Planners start from the orders; the floor from its batches.</summary>
public class BatchesPageOrder(MesWebFactory factory) : IClassFixture<MesWebFactory>
{
    [Theory]
    [InlineData("planner", true)]
    [InlineData("operator", false)]
    [InlineData("supervisor", false)]
    public async Task APlannerSeesTheOrdersFirst(string userName, bool ordersFirst)
    {
        var browser = await factory.SignedInAsync(userName);

        var page = await browser.GetStringAsync("/batches");

        var orders = page.IndexOf("id=\"orders-title\"", StringComparison.Ordinal);
        var batches = page.IndexOf("id=\"batches-title\"", StringComparison.Ordinal);
        Assert.True(orders > 0 && batches > 0, "both sections are on the page");
        Assert.Equal(ordersFirst, orders < batches);
    }
}
