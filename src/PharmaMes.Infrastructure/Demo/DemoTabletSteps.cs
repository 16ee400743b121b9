namespace PharmaMes.Infrastructure.Demo;

/// <summary>
/// How tablet line 1 runs the paracetamol recipe (<see cref="DemoRecipes"/>) in the demo: per step the
/// equipment, how long it takes, what the operator records (one column per demo batch, each within its
/// limits, varying as real readings do) and the lot each material is weighed from, with the weighed
/// amount as a factor of the batch's target.
/// </summary>
internal static class DemoTabletSteps
{
    public sealed record Step(int Number, string Equipment, TimeSpan Duration, bool Verified, bool MaterialsFirst,
        IReadOnlyList<Reading> Values, IReadOnlyList<Weighing> Materials);

    public sealed record Reading(string Name, double[] ByBatch);

    /// <summary>Decimals: how precisely the amount is weighed or counted (kg to the gram, film to the metre, cartons one by one).</summary>
    public sealed record Weighing(string Material, string Lot, decimal[] FactorByBatch, int Decimals);

    /// <summary>Between one step done and the next started: line clearance, moving the material.</summary>
    public static readonly TimeSpan Gap = TimeSpan.FromMinutes(10);

    /// <summary>From a step performed to its verification by a second person.</summary>
    public static readonly TimeSpan Verification = TimeSpan.FromMinutes(5);

    /// <summary>From the last entry of a step to signing it: the time left to clear up (and to handle a deviation).</summary>
    public static readonly TimeSpan Closing = TimeSpan.FromMinutes(15);

    public static readonly IReadOnlyList<string> LineEquipment = ["DISP-01", "GRAN-01", "FBD-01", "TP-01", "COAT-01", "BLIS-01"];

    public static readonly IReadOnlyList<Step> All =
    [
        // The booth is checked before anything is weighed.
        new(1, "DISP-01", TimeSpan.FromHours(1), Verified: true, MaterialsFirst: false,
        [
            new("Downflow air velocity", [0.45, 0.44, 0.46, 0.45]),
            new("Room relative humidity", [42, 45, 39, 44]),
        ],
        [
            new("API-PARA", "PARA-24-0117", [1.001m, 0.998m, 1.002m, 0.999m], 3),
            new("EXC-MCC", "MCC-24-3310", [1.004m, 0.997m, 1.003m, 1.002m], 3),
            new("EXC-PVP", "PVP-24-0042", [1.002m, 1.005m, 0.996m, 1.001m], 3),
            new("EXC-CROS", "CROS-24-0310", [0.997m, 1.003m, 1.001m, 0.998m], 3),
            new("EXC-MGST", "MGST-24-0077", [1.0m, 1.01m, 0.99m, 1.0m], 3),
        ]),
        new(2, "GRAN-01", TimeSpan.FromMinutes(40), Verified: false, MaterialsFirst: false,
        [
            new("Impeller speed", [220, 222, 218, 220]),
            new("Chopper speed", [2000, 2050, 1980, 2010]),
            new("Dry mixing time", [5, 5, 5.5, 5]),
            new("Binder addition time", [4, 4.2, 3.9, 4]),
            new("Wet massing time", [2, 2.1, 2, 2.2]),
            new("Impeller power at end point", [8.4, 8.9, 8.1, 8.6]),
        ], []),
        new(3, "FBD-01", TimeSpan.FromMinutes(90), Verified: false, MaterialsFirst: false,
        [
            new("Inlet air temperature", [60, 61, 60, 59]),
            new("Process air flow", [1000, 1020, 985, 1010]),
            new("End-point product temperature", [40, 41, 40.5, 39.5]),
            new("Loss on drying", [1.6, 1.9, 1.7, 1.5]),
        ], []),
        new(4, "TP-01", TimeSpan.FromHours(4), Verified: true, MaterialsFirst: false,
        [
            new("Tablet weight", [671, 669, 672, 670]),
            new("Main compression force", [15.2, 14.8, 15.5, 15.1]),
            new("Press speed", [3000, 3000, 2950, 3000]),
            new("Hardness", [108, 102, 112, 105]),
            new("Thickness", [5.62, 5.6, 5.58, 5.61]),
            new("Friability", [0.21, 0.25, 0.18, 0.22]),
            new("Disintegration time", [6.5, 7.2, 6.1, 6.8]),
        ], []),
        // The coating suspension is made up before the pan is loaded.
        new(5, "COAT-01", TimeSpan.FromHours(3), Verified: false, MaterialsFirst: true,
        [
            new("Pan speed", [9, 9, 9.5, 9]),
            new("Inlet air temperature", [60, 61, 59, 60]),
            new("Spray rate", [150, 148, 155, 150]),
            new("Weight gain", [3.0, 3.1, 2.9, 3.0]),
            new("Product bed temperature", [43, 42.5, 43.5, 43]),
            new("Visual defects", [0.1, 0.05, 0.15, 0.1]),
        ],
        [
            new("COAT-OPA", "OPA-24-1102", [1.0m, 1.004m, 0.998m, 1.0m], 3),
        ]),
        // Film and cartons are set up first; what the roll change-overs cost stays within the tolerance.
        new(6, "BLIS-01", TimeSpan.FromHours(3), Verified: false, MaterialsFirst: true,
        [
            new("Sealing temperature", [150, 151, 149, 150]),
            new("Packer speed", [300, 295, 305, 300]),
            new("Leak test failed blisters", [0, 0, 0, 0]),
            new("Cartons with illegible print", [0, 0, 0, 0]),
        ],
        [
            new("PKG-PVC", "PVC-24-0388", [1.02m, 1.03m, 1.015m, 1.02m], 0),
            new("PKG-FOIL", "FOIL-24-0450", [1.02m, 1.025m, 1.015m, 1.02m], 0),
            new("PKG-CARTON", "CART-24-0911", [1.0m, 0.995m, 1.005m, 1.0m], 0),
        ]),
    ];

    /// <summary>How long after the batch starts the step <paramref name="number"/> starts, when every step before it runs as planned.</summary>
    public static TimeSpan TimeToReach(int number) =>
        All.Where(s => s.Number < number).Aggregate(Gap, (total, s) => total + s.Duration + (s.Verified ? Verification : TimeSpan.Zero) + Gap);
}
