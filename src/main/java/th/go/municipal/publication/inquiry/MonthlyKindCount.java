package th.go.municipal.publication.inquiry;

/**
 * How many requests of one kind were received in one calendar month (Bangkok time, Christian-era
 * year).
 */
public record MonthlyKindCount(Integer year, Integer month, String kind, Long count) {}
