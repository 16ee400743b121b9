using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;
using static PharmaMes.Domain.Plant.EquipmentState;

namespace PharmaMes.Domain.Tests.Plant;

public class EquipmentStateChanges
{
    /// <summary>
    /// Every (from, to) pair of equipment states and whether the change is legal, written out
    /// by hand: 7 × 7 = 49 rows. Any change to the state machine must change this table too.
    /// </summary>
    public static TheoryData<EquipmentState, EquipmentState, bool> Table => new()
    {
        { Offline, Offline, false },
        { Offline, Idle, true },
        { Offline, Running, false },
        { Offline, Held, false },
        { Offline, Down, true },
        { Offline, Maintenance, true },
        { Offline, Cleaning, false },

        { Idle, Offline, true },
        { Idle, Idle, false },
        { Idle, Running, true },
        { Idle, Held, false },
        { Idle, Down, true },
        { Idle, Maintenance, true },
        { Idle, Cleaning, true },

        { Running, Offline, true },
        { Running, Idle, true },
        { Running, Running, false },
        { Running, Held, true },
        { Running, Down, true },
        { Running, Maintenance, false },
        { Running, Cleaning, false },

        { Held, Offline, true },
        { Held, Idle, true },
        { Held, Running, true },
        { Held, Held, false },
        { Held, Down, true },
        { Held, Maintenance, false },
        { Held, Cleaning, false },

        { Down, Offline, true },
        { Down, Idle, true },
        { Down, Running, false },
        { Down, Held, false },
        { Down, Down, false },
        { Down, Maintenance, true },
        { Down, Cleaning, false },

        { Maintenance, Offline, true },
        { Maintenance, Idle, true },
        { Maintenance, Running, false },
        { Maintenance, Held, false },
        { Maintenance, Down, true },
        { Maintenance, Maintenance, false },
        { Maintenance, Cleaning, false },

        { Cleaning, Offline, true },
        { Cleaning, Idle, true },
        { Cleaning, Running, false },
        { Cleaning, Held, false },
        { Cleaning, Down, true },
        { Cleaning, Maintenance, false },
        { Cleaning, Cleaning, false },
    };

    /// <summary>The legal targets of each state, as <see cref="Table"/> lists them.</summary>
    private static EquipmentState[] LegalTargetsInTable(EquipmentState from) =>
        [.. Table.Select(row => ((EquipmentState)row[0], (EquipmentState)row[1], (bool)row[2]))
            .Where(row => row.Item1 == from && row.Item3)
            .Select(row => row.Item2)];

    [Fact]
    public void TheTableCoversEveryPairOfStatesOnce()
    {
        var states = Enum.GetValues<EquipmentState>();
        var pairs = Table.Select(row => ((EquipmentState)row[0], (EquipmentState)row[1])).ToList();

        Assert.Equal(49, pairs.Count);
        Assert.Equal(states.Length * states.Length, pairs.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void AllowsExactlyTheChangesInTheTable(EquipmentState from, EquipmentState to, bool legal)
    {
        Assert.Equal(legal, EquipmentStateMachine.CanChange(from, to));
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void EnsureCanChangeRefusesExactlyTheIllegalChanges(EquipmentState from, EquipmentState to, bool legal)
    {
        var ex = Record.Exception(() => EquipmentStateMachine.EnsureCanChange(from, to));

        if (legal)
            Assert.Null(ex);
        else
            Assert.IsType<DomainException>(ex);
    }

    [Theory]
    [InlineData(Offline)]
    [InlineData(Idle)]
    [InlineData(Running)]
    [InlineData(Held)]
    [InlineData(Down)]
    [InlineData(Maintenance)]
    [InlineData(Cleaning)]
    public void RefusesAChangeToTheSameStateSayingItIsAlreadyThere(EquipmentState state)
    {
        var ex = Assert.Throws<DomainException>(() => EquipmentStateMachine.EnsureCanChange(state, state));

        Assert.Equal($"The equipment is already {state}.", ex.Message);
    }

    [Theory]
    [InlineData(Offline, Running, "Equipment cannot go from Offline to Running. From Offline it can go to: Idle, Down, Maintenance.")]
    [InlineData(Down, Running, "Equipment cannot go from Down to Running. From Down it can go to: Idle, Maintenance, Offline.")]
    [InlineData(Running, Cleaning, "Equipment cannot go from Running to Cleaning. From Running it can go to: Idle, Held, Down, Offline.")]
    [InlineData(Held, Maintenance, "Equipment cannot go from Held to Maintenance. From Held it can go to: Running, Idle, Down, Offline.")]
    [InlineData(Cleaning, Running, "Equipment cannot go from Cleaning to Running. From Cleaning it can go to: Idle, Down, Offline.")]
    public void ExplainsAnIllegalChangeAndWhereTheEquipmentCanGo(EquipmentState from, EquipmentState to, string expected)
    {
        var ex = Assert.Throws<DomainException>(() => EquipmentStateMachine.EnsureCanChange(from, to));

        Assert.Equal(expected, ex.Message);
    }

    /// <summary>The illegal rows of <see cref="Table"/> between two different states.</summary>
    public static TheoryData<EquipmentState, EquipmentState> IllegalChanges
    {
        get
        {
            var data = new TheoryData<EquipmentState, EquipmentState>();
            foreach (var row in Table)
            {
                var (from, to, legal) = ((EquipmentState)row[0], (EquipmentState)row[1], (bool)row[2]);
                if (!legal && from != to)
                    data.Add(from, to);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(IllegalChanges))]
    public void EveryIllegalChangeIsExplainedWithTheLegalTargets(EquipmentState from, EquipmentState to)
    {
        var ex = Assert.Throws<DomainException>(() => EquipmentStateMachine.EnsureCanChange(from, to));

        var prefix = $"Equipment cannot go from {from} to {to}. From {from} it can go to: ";
        Assert.StartsWith(prefix, ex.Message);
        Assert.EndsWith(".", ex.Message);
        var listed = ex.Message[prefix.Length..^1].Split(", ").Select(Enum.Parse<EquipmentState>);
        Assert.Equal(LegalTargetsInTable(from).Order(), listed.Order());
    }

    [Theory]
    [InlineData(Offline)]
    [InlineData(Idle)]
    [InlineData(Running)]
    [InlineData(Held)]
    [InlineData(Down)]
    [InlineData(Maintenance)]
    [InlineData(Cleaning)]
    public void NextStatesAreTheLegalTargetsOfTheTable(EquipmentState from)
    {
        Assert.Equal(LegalTargetsInTable(from).Order(), EquipmentStateMachine.NextStates(from).Order());
    }
}
