using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Infrastructure.Messaging;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class QuarantinedMessageConfiguration : IEntityTypeConfiguration<QuarantinedMessage>
{
    public void Configure(EntityTypeBuilder<QuarantinedMessage> builder)
    {
        builder.ToTable("QuarantinedMessages");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Id).ValueGeneratedNever();
        builder.Property(q => q.Topic).HasMaxLength(QuarantinedMessage.TopicMaxLength).IsRequired();
        builder.Property(q => q.PayloadExcerpt).HasMaxLength(QuarantinedMessage.ExcerptMaxLength).IsRequired();
        builder.Property(q => q.ReasonCode).HasMaxLength(QuarantinedMessage.ReasonCodeMaxLength).IsRequired();
        builder.Property(q => q.Detail).HasMaxLength(QuarantinedMessage.DetailMaxLength).IsRequired();
        builder.HasIndex(q => q.ReceivedAt);
    }
}
