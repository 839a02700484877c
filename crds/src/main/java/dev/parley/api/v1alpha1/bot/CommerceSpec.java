package dev.parley.api.v1alpha1.bot;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class CommerceSpec {

    @Default("INR")
    @Pattern("^[A-Z]{3}$")
    @JsonPropertyDescription("ISO 4217 currency code; amounts are kept in its minor unit (paise, cents).")
    private String currency = "INR";

    @Default("0")
    @Min(0)
    @Max(100)
    @JsonPropertyDescription("Tax rate in percent applied to invoice subtotals, for example 5 or 8.25.")
    private BigDecimal taxRatePercent = BigDecimal.ZERO;

    @Default("INV-")
    @Pattern("^[A-Za-z0-9/-]{1,12}$")
    @JsonPropertyDescription("Prefix of invoice numbers; numbers are gap-free per bot (INV-000001, INV-000002, ...).")
    private String invoicePrefix = "INV-";

    @Size(min = 1)
    @JsonPropertyDescription("Languages the bot replies in, the first being the default: 'en', 'hi', 'fr' (French: the catalogWatch flow).")
    private List<Language> languages;

    @Default("fifo")
    @JsonPropertyDescription("Which batches an order line is filled from first: 'fifo' (oldest) or 'lifo' (newest).")
    private AllocationOrder allocationOrder = AllocationOrder.FIFO;

    @Default("owner")
    @JsonPropertyDescription("Who approves a placed order: 'owner' (it waits for the owner's Approve) or 'automatic' (approved at once:"
            + " stock deducted, invoice issued, customer told), for orders that need no one's look.")
    private ApprovalMode approval = ApprovalMode.OWNER;

    public ApprovalMode getApproval() {
        return approval;
    }

    public void setApproval(ApprovalMode approval) {
        this.approval = approval;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public BigDecimal getTaxRatePercent() {
        return taxRatePercent;
    }

    public void setTaxRatePercent(BigDecimal taxRatePercent) {
        this.taxRatePercent = taxRatePercent;
    }

    public String getInvoicePrefix() {
        return invoicePrefix;
    }

    public void setInvoicePrefix(String invoicePrefix) {
        this.invoicePrefix = invoicePrefix;
    }

    public List<Language> getLanguages() {
        return languages;
    }

    public void setLanguages(List<Language> languages) {
        this.languages = languages;
    }

    public AllocationOrder getAllocationOrder() {
        return allocationOrder;
    }

    public void setAllocationOrder(AllocationOrder allocationOrder) {
        this.allocationOrder = allocationOrder;
    }
}
