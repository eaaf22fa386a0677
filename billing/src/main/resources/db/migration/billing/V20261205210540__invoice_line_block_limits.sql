-- The limits of the block a line prices (pro-rated to its part of the period), for the receipt.
alter table invoice_lines add column block_from numeric, add column block_to numeric;
