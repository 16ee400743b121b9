using PharmaMes.Domain.Performance;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Domain.Tests.Performance;

/// <summary>A device's own reason text lands on the reason tree when it names a leaf, so the Pareto adds it up with the operators' reasons.</summary>
public class DeviceReasons
{
    [Theory]
    [InlineData("Punch breakage", "Mechanical › Punch breakage")]
    [InlineData("  punch BREAKAGE ", "Mechanical › Punch breakage")]
    [InlineData("Mechanical > Punch breakage", "Mechanical › Punch breakage")]
    [InlineData("material/waiting for granulate", "Material › Waiting for granulate")]
    [InlineData("Mechanical › Mechanical fault", "Mechanical › Mechanical fault")]
    [InlineData("Product changeover", "Changeover › Product changeover")]
    public void ATextNamingALeafIsMappedToIt(string text, string path) =>
        Assert.Equal(path, DowntimeReasonTree.Match(EquipmentClass.TabletPress, text)?.Path);

    [Theory]
    [InlineData("E-STOP 42")]
    [InlineData("Mechanical")]
    [InlineData("Foil web break")]
    [InlineData("")]
    [InlineData(null)]
    public void ATextNamingNoLeafOfTheClassIsNotMapped(string? text) =>
        Assert.Null(DowntimeReasonTree.Match(EquipmentClass.TabletPress, text));
}
