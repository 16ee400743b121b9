using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Infrastructure.Outbox;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("ErpOutbox");
        builder.HasKey(m => m.Position);
        builder.Property(m => m.Position).ValueGeneratedOnAdd();
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.Property(m => m.Type).HasConversion<string>().HasMaxLength(40);
        builder.Property(m => m.Aggregate).HasMaxLength(OutboxMessage.AggregateMaxLength).IsRequired();
        builder.Property(m => m.Payload).IsRequired();
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.ErrorMaxLength);
        // The dispatcher's question: the oldest undelivered message of each aggregate.
        builder.HasIndex(m => new { m.Status, m.Aggregate, m.Position });
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
    }
}
