using PharmaMes.Domain.Plant;

namespace PharmaMes.Domain.Tests.Plant;

/// <summary>
/// Builds plant objects for tests. Area, Line and Equipment have internal constructors,
/// so they are created through the hierarchy: Site &gt; Area &gt; Line &gt; Equipment.
/// </summary>
internal static class TestPlant
{
    /// <summary>When test equipment is created; every later time in the tests is relative to this.</summary>
    public static readonly DateTimeOffset Commissioned = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    public static Site NewSite() => new(new PlantCode("BSL"), "Basel");

    public static Area NewArea() => NewSite().AddArea(new PlantCode("OSD"), "Oral solid dose");

    public static Line NewLine() => NewArea().AddLine(new PlantCode("LINE-1"), "Granulation line 1");

    public static Equipment NewEquipment(string code = "GRAN-01") =>
        NewLine().AddEquipment(new PlantCode(code), "High shear granulator 1", EquipmentClass.HighShearGranulator, Commissioned);

    /// <summary>
    /// New equipment brought into <paramref name="state"/> by a legal path, one minute per step,
    /// so its state is set no later than <see cref="Commissioned"/> + 3 minutes.
    /// </summary>
    public static Equipment InState(EquipmentState state)
    {
        var equipment = NewEquipment();
        EquipmentState[] path = state switch
        {
            EquipmentState.Offline => [],
            EquipmentState.Idle => [EquipmentState.Idle],
            EquipmentState.Running => [EquipmentState.Idle, EquipmentState.Running],
            EquipmentState.Held => [EquipmentState.Idle, EquipmentState.Running, EquipmentState.Held],
            EquipmentState.Down => [EquipmentState.Down],
            EquipmentState.Maintenance => [EquipmentState.Maintenance],
            EquipmentState.Cleaning => [EquipmentState.Idle, EquipmentState.Cleaning],
            _ => throw new ArgumentOutOfRangeException(nameof(state), state, "No path to this state."),
        };
        for (var step = 0; step < path.Length; step++)
        {
            var reason = path[step] == EquipmentState.Down ? "Motor overload" : null;
            equipment.ChangeState(path[step], Commissioned.AddMinutes(step + 1), reason);
        }
        return equipment;
    }
}
