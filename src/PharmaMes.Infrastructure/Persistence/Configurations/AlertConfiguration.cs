using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Alerts;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Source).HasMaxLength(Alert.SourceMaxLength).IsRequired();
        builder.Property(a => a.Message).HasMaxLength(Alert.MessageMaxLength).IsRequired();
        builder.Property(a => a.AcknowledgedBy).HasMaxLength(Alert.UserNameMaxLength);
        builder.Property(a => a.AcknowledgedByName).HasMaxLength(Alert.PersonNameMaxLength);
        builder.Property(a => a.AcknowledgementComment).HasMaxLength(Alert.CommentMaxLength);
        // Two people acknowledging at once: the second save finds the row already acknowledged and fails.
        builder.Property(a => a.AcknowledgedAt).IsConcurrencyToken();
        builder.HasIndex(a => a.RaisedAt);
        builder.HasIndex(a => new { a.Source, a.Kind, a.ClearedAt });
        builder.Ignore(a => a.IsActive);
        builder.Ignore(a => a.IsAcknowledged);
        builder.Ignore(a => a.State);
    }
}
