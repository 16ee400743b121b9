using PharmaMes.Domain.Alerts;
using PharmaMes.Domain.Common;

namespace PharmaMes.Domain.Tests.Alerts;

/// <summary>The ISA-18.2 states of an alert: raised, acknowledged and cleared in either order.</summary>
public class AlertAcknowledgement
{
    private static readonly DateTimeOffset Raised = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static Alert Down() => new(AlertKind.EquipmentDown, "TP-01", "TP-01 is Down: Punch tip breakage", Raised);

    [Fact]
    public void A_new_alert_is_active_and_unacknowledged()
    {
        var alert = Down();

        Assert.Equal(AlarmState.ActiveUnacknowledged, alert.State);
        Assert.False(alert.IsAcknowledged);
        Assert.Null(alert.AcknowledgedBy);
    }

    [Fact]
    public void Acknowledging_an_active_alert_makes_it_active_acknowledged_and_records_who_when_and_why()
    {
        var alert = Down();

        alert.Acknowledge("operator", "Olga Petrova", Raised.AddMinutes(2), "  Maintenance called  ");

        Assert.Equal(AlarmState.ActiveAcknowledged, alert.State);
        Assert.Equal("operator", alert.AcknowledgedBy);
        Assert.Equal("Olga Petrova", alert.AcknowledgedByName);
        Assert.Equal(Raised.AddMinutes(2), alert.AcknowledgedAt);
        Assert.Equal("Maintenance called", alert.AcknowledgementComment);
    }

    [Fact]
    public void An_active_alert_that_clears_unacknowledged_stays_for_people_to_see()
    {
        var alert = Down();

        alert.Clear(Raised.AddMinutes(1));

        Assert.Equal(AlarmState.ClearedUnacknowledged, alert.State);
    }

    [Fact]
    public void Acknowledging_a_cleared_alert_returns_it_to_normal()
    {
        var alert = Down();
        alert.Clear(Raised.AddMinutes(1));

        alert.Acknowledge("qa", "Quinn Andersen", Raised.AddMinutes(5), null);

        Assert.Equal(AlarmState.Normal, alert.State);
        Assert.Null(alert.AcknowledgementComment);
    }

    [Fact]
    public void An_acknowledged_alert_that_clears_returns_to_normal()
    {
        var alert = Down();
        alert.Acknowledge("operator", "Olga Petrova", Raised.AddMinutes(2), null);

        alert.Clear(Raised.AddMinutes(3));

        Assert.Equal(AlarmState.Normal, alert.State);
        Assert.Equal(Raised.AddMinutes(3), alert.ClearedAt);
    }

    [Fact]
    public void A_second_acknowledgement_is_refused_and_the_first_one_stands()
    {
        var alert = Down();
        alert.Acknowledge("operator", "Olga Petrova", Raised.AddMinutes(2), "Seen");

        var error = Assert.Throws<AlertAlreadyAcknowledgedException>(() =>
            alert.Acknowledge("supervisor", "Samuel Okafor", Raised.AddMinutes(4), "Me too"));

        Assert.Equal("This alert was already acknowledged by Olga Petrova at 2026-11-25 10:02 UTC.", error.Message);
        Assert.IsAssignableFrom<DomainException>(error);
        Assert.Equal("operator", alert.AcknowledgedBy);
        Assert.Equal("Seen", alert.AcknowledgementComment);
    }

    [Fact]
    public void A_blank_comment_is_no_comment()
    {
        var alert = Down();

        alert.Acknowledge("operator", "Olga Petrova", Raised, "   ");

        Assert.Null(alert.AcknowledgementComment);
    }

    [Fact]
    public void A_comment_longer_than_the_limit_is_refused_and_nothing_is_acknowledged()
    {
        var alert = Down();

        var error = Assert.Throws<DomainException>(() =>
            alert.Acknowledge("operator", "Olga Petrova", Raised, new string('x', Alert.CommentMaxLength + 1)));

        Assert.Contains($"at most {Alert.CommentMaxLength} characters", error.Message);
        Assert.Equal(AlarmState.ActiveUnacknowledged, alert.State);
    }

    [Theory]
    [InlineData("", "Olga Petrova")]
    [InlineData("operator", " ")]
    public void An_acknowledgement_names_the_person(string userName, string fullName)
    {
        var alert = Down();

        Assert.Throws<DomainException>(() => alert.Acknowledge(userName, fullName, Raised, null));
        Assert.False(alert.IsAcknowledged);
    }
}
