using Bunit;
using PharmaMes.Domain.Production;
using PharmaMes.Web.Components.Pages.Batches;

namespace PharmaMes.Web.Tests.Batches;

/// <summary>The panel where left-over dispensed material is returned to its lot or written off.</summary>
public class MaterialReturnsRendering : BunitContext
{
    [Fact]
    public void ADispensedLineOffersReturnAndWasteAndWasteNeedsItsReason()
    {
        var batch = ExecutionSteps.DispensingPerformed();
        var returned = new List<(int, string, decimal)>();
        var wasted = new List<(int, string, decimal, string)>();
        var panel = Render<MaterialReturns>(ps => ps
            .Add(p => p.Batch, batch)
            .Add(p => p.OnReturn, r => returned.Add(r))
            .Add(p => p.OnWaste, w => wasted.Add(w)));

        var row = panel.Find("tr[data-return='API-PARA']");
        Assert.Contains("PARA-1", row.TextContent);
        Assert.Contains("5 kg", row.QuerySelector("[data-label='Left to account for']")!.TextContent);
        panel.Find("input[aria-label='Quantity of API-PARA left over']").Change("0.4");
        panel.Find("button[data-action='return-material']").Click();
        panel.Find("input[aria-label='Quantity of API-PARA left over']").Change("0.1");
        panel.Find("button[data-action='waste-material']").Click();
        panel.Find("button[data-action='confirm-waste']").Click();
        var refused = panel.Find("tr[data-return='API-PARA'] .validation-message").TextContent;
        panel.Find("input[data-waste-reason]").Change("Spilt");
        panel.Find("button[data-action='confirm-waste']").Click();

        Assert.Equal([(1, "API-PARA", 0.4m)], returned);
        Assert.Contains("Say why it is waste", refused);
        Assert.Equal([(1, "API-PARA", 0.1m, "Spilt")], wasted);
    }

    [Fact]
    public void ALineFullyAccountedForIsNotOfferedAgain()
    {
        var batch = ExecutionSteps.DispensingPerformed();
        batch.RecordWaste(1, new PharmaMes.Domain.Materials.MaterialCode("API-PARA"), 5m, "Whole container dropped", new Person(Guid.CreateVersion7(), "operator"), DateTimeOffset.UtcNow);

        var panel = Render<MaterialReturns>(ps => ps.Add(p => p.Batch, batch));

        Assert.Empty(panel.FindAll("[data-testid=material-returns]"));
    }
}
