using Bunit;
using PharmaMes.Domain.Plant;
using PharmaMes.Web.Components.Shared;

namespace PharmaMes.Web.Tests.Components;

public class EquipmentBadges : BunitContext
{
    [Theory]
    [InlineData(EquipmentState.Running, "mes-state-running")]
    [InlineData(EquipmentState.Down, "mes-state-down")]
    [InlineData(EquipmentState.Cleaning, "mes-state-cleaning")]
    [InlineData(EquipmentState.Offline, "mes-state-offline")]
    public void AStateIsShownAsAWordAsWellAsAColour(EquipmentState state, string colourClass)
    {
        var badge = Render<EquipmentStateBadge>(ps => ps.Add(p => p.State, state));

        var span = badge.Find("span.mes-badge");
        Assert.Contains(colourClass, span.ClassList);
        Assert.Contains(state.ToString(), span.TextContent);
        Assert.Equal(state.ToString(), span.GetAttribute("data-state"));
    }

    [Fact]
    public void CleaningStatusSaysUntilWhenTheEquipmentIsClean()
    {
        var until = new DateTimeOffset(2026, 11, 27, 14, 30, 0, TimeSpan.Zero);

        var clean = Render<CleaningStatusBadge>(ps => ps.Add(p => p.Status, CleaningStatus.Clean).Add(p => p.CleanUntil, until));
        var dirty = Render<CleaningStatusBadge>(ps => ps.Add(p => p.Status, CleaningStatus.Dirty));
        var expired = Render<CleaningStatusBadge>(ps => ps.Add(p => p.Status, CleaningStatus.CleanExpired).Add(p => p.CleanUntil, until));

        Assert.Contains("Clean until 27 Nov 14:30", clean.Markup);
        Assert.Contains("Dirty", dirty.Find("span.mes-badge").TextContent);
        Assert.Contains("Clean hold expired 27 Nov 14:30", expired.Markup);
    }

    [Fact]
    public void CalibrationSaysWhenItIsOverdue()
    {
        var due = new DateOnly(2026, 11, 22);

        var overdue = Render<CalibrationBadge>(ps => ps.Add(p => p.DueOn, due).Add(p => p.IsCalibrated, false));
        var fine = Render<CalibrationBadge>(ps => ps.Add(p => p.DueOn, due).Add(p => p.IsCalibrated, true));
        var never = Render<CalibrationBadge>(ps => ps.Add(p => p.DueOn, null).Add(p => p.IsCalibrated, false));

        Assert.Contains("Calibration overdue since 22 Nov 2026", overdue.Markup);
        Assert.Contains("mes-cal-due", overdue.Find("span").ClassList);
        Assert.Contains("Calibration due 22 Nov 2026", fine.Markup);
        Assert.Contains("No calibration on record", never.Markup);
    }
}
