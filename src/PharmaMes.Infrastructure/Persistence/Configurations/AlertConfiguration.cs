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
        builder.HasIndex(a => a.RaisedAt);
        builder.HasIndex(a => new { a.Source, a.Kind, a.ClearedAt });
        builder.Ignore(a => a.IsActive);
    }
}
